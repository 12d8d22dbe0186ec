#!/usr/bin/python3
"""PyTorch side of io.moiety.jmh.OpMicro: CPU time per call of single operations (1 thread)."""
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(1)
E, N, F = 6784, 496, 64
src = torch.randint(0, N, (E,))
a, b = torch.randn(E, F), torch.randn(E, F)
w, bias, h = torch.randn(F, F), torch.randn(F), torch.randn(N, F)
sparse = torch.sparse_coo_tensor(torch.stack([src, torch.arange(E)]), torch.ones(E), (N, E))
tiny = torch.randn(4)
ops = [
    ("mul [E,F]", lambda: a * b),
    ("add [E,F]", lambda: a + b),
    ("sigmoid [E,F]", lambda: torch.sigmoid(a)),
    ("softplus [E,F]", lambda: torch.nn.functional.softplus(a)),
    ("linear [E,F]x[F,F]", lambda: torch.nn.functional.linear(a, w, bias)),
    ("gather h[src] [E,F]", lambda: h[src]),
    ("sparse segment sum [N,E]x[E,F]", lambda: torch.sparse.mm(sparse, a)),
    ("index_add segment sum", lambda: torch.zeros(N, F).index_add_(0, src, a)),
    ("mul tiny [4] (overhead)", lambda: tiny * tiny),
    ("sum [E,F] axis 1", lambda: a.sum(1)),
]
for name, op in ops:
    for _ in range(50):
        op()
    c0 = time.thread_time()
    for _ in range(300):
        op()
    print("%-34s %8.1f µs" % (name, (time.thread_time() - c0) / 300 * 1e6))
