"""Builds the TorchScript force module used by io.moiety.model.nn.ForceGrad.

forward(energy, positions, create_graph) returns -dE/dx where E = energy.sum().
With create_graph=1 the result stays differentiable (second derivatives for a force loss);
with 0 the graph is freed (inference).  Run with the Debian torch:

    /usr/bin/python3 src/main/python/build_force_module.py src/main/resources/io/moiety/model/force_grad.pt
"""
import sys
from typing import List, Optional

import torch


class ForceGrad(torch.nn.Module):
    def forward(self, energy: torch.Tensor, positions: torch.Tensor, create_graph: torch.Tensor) -> torch.Tensor:
        keep = bool(create_graph.item() != 0)
        grads = torch.autograd.grad([energy.sum()], [positions], create_graph=keep, retain_graph=keep,
                                    allow_unused=True)
        g = grads[0]
        if g is None:
            return torch.zeros_like(positions)
        return -g


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "force_grad.pt"
    module = torch.jit.script(ForceGrad())
    # self-check: E = sum x^3 -> F = -3x^2, and the second derivative exists
    x = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
    e = (x ** 3).sum(dim=1)
    f = module(e, x, torch.tensor(1))
    assert torch.allclose(f, -3 * x ** 2)
    (f.sum()).backward()
    assert torch.allclose(x.grad, -6 * x)
    module.save(out)
    print("wrote", out, "torch", torch.__version__)


if __name__ == "__main__":
    main()
