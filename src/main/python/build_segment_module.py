"""Builds the TorchScript segment-sum module used by io.moiety.model.nn.IndexAddKernel.

forward(x, index, size) returns out[t] = sum of the rows x[s] with index[s] == t, shape
[size, ...]: torch.index_add on zeros. Its backward is index_select (a gather), whose backward is
index_add again, so the sum is twice differentiable (force loss) and both directions are fast on
the CPU, unlike DJL's sparse-matrix product whose backward goes through a transposed sparse
matrix (benchmarks/perf.md, 2026-11-21 15:00). Run with the Debian torch:

    /usr/bin/python3 src/main/python/build_segment_module.py src/main/resources/io/moiety/model/segment_sum.pt
"""
import sys
from typing import List

import torch


class SegmentSum(torch.nn.Module):
    def forward(self, x: torch.Tensor, index: torch.Tensor, size: torch.Tensor) -> torch.Tensor:
        shape: List[int] = [int(size.item())] + list(x.shape[1:])
        return torch.zeros(shape, dtype=x.dtype, device=x.device).index_add(0, index, x)


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "segment_sum.pt"
    module = torch.jit.script(SegmentSum())
    # self-check against a dense one-hot product, with first and second derivatives
    g = torch.Generator().manual_seed(1)
    x = torch.randn(7, 2, 3, dtype=torch.float64, generator=g, requires_grad=True)
    index = torch.tensor([2, 0, 2, 1, 4, 0, 2])
    for _ in range(3):  # past the profiling executor's warm-up runs
        y = module(x, index, torch.tensor(5))
        onehot = torch.nn.functional.one_hot(index, 5).to(x.dtype).t()
        ref = (onehot @ x.reshape(7, 6)).reshape(5, 2, 3)
        assert torch.allclose(y, ref)
        w = torch.randn(5, 2, 3, dtype=torch.float64, generator=g)
        (gx,) = torch.autograd.grad([(y * y * w).sum()], [x], create_graph=True)
        (gref,) = torch.autograd.grad([(ref * ref * w).sum()], [x], create_graph=True)
        assert torch.allclose(gx, gref)
        (hx,) = torch.autograd.grad([gx.sum()], [x])
        (href,) = torch.autograd.grad([gref.sum()], [x])
        assert torch.allclose(hx, href)
    module.save(out)
    print("wrote", out, "torch", torch.__version__)


if __name__ == "__main__":
    main()
