"""PyTorch peers of Moiety's SchNet and PaiNN, for timing side by side (benchmarks/perf.md).

Same architecture, sizes, radial bases, cutoff function and float32 as the Java models; segment
sums with index_add_ (what PyG/schnetpack do on CPU). Forces are -dE/dx by autograd.grad
(create_graph=True when training, as in Moiety's force-loss step). Units: Å, eV, eV/Å.
"""
import math

import torch
from torch import nn


def ssp(x):
    """Shifted softplus, ln(0.5 e^x + 0.5), as in SchNet."""
    return nn.functional.softplus(x) - math.log(2.0)


class CosineCutoff(nn.Module):
    def __init__(self, cutoff):
        super().__init__()
        self.cutoff = cutoff

    def forward(self, r):
        return 0.5 * (torch.cos(r * (math.pi / self.cutoff)) + 1.0) * (r < self.cutoff).to(r.dtype)


class GaussianRBF(nn.Module):
    """n Gaussians with centres evenly spaced on [0, cutoff] and width = spacing (SchNet)."""

    def __init__(self, n, cutoff):
        super().__init__()
        centres = torch.linspace(0.0, cutoff, n)
        self.register_buffer("centres", centres)
        self.coeff = -0.5 / float(centres[1] - centres[0]) ** 2

    def forward(self, r):
        d = r[:, None] - self.centres[None, :]
        return torch.exp(self.coeff * d * d)


class BesselRBF(nn.Module):
    """sin(n pi r / rc) / r, n = 1..N (PaiNN)."""

    def __init__(self, n, cutoff):
        super().__init__()
        self.register_buffer("freqs", torch.arange(1, n + 1, dtype=torch.float32) * math.pi / cutoff)

    def forward(self, r):
        return torch.sin(r[:, None] * self.freqs[None, :]) / r[:, None]


class SchNetInteraction(nn.Module):
    def __init__(self, f, n_rbf):
        super().__init__()
        self.filter1 = nn.Linear(n_rbf, f)
        self.filter2 = nn.Linear(f, f)
        self.in2f = nn.Linear(f, f, bias=False)
        self.f2out1 = nn.Linear(f, f)
        self.f2out2 = nn.Linear(f, f)

    def forward(self, x, rbf, fcut, src, dst):
        w = self.filter2(ssp(self.filter1(rbf))) * fcut[:, None]
        h = self.in2f(x)
        m = h[src] * w
        agg = torch.zeros_like(h).index_add_(0, dst, m)
        return x + self.f2out2(ssp(self.f2out1(agg)))


class SchNet(nn.Module):
    def __init__(self, features=64, interactions=3, n_rbf=20, cutoff=5.0, max_z=100):
        super().__init__()
        self.embed = nn.Embedding(max_z, features)
        self.rbf = GaussianRBF(n_rbf, cutoff)
        self.fc = CosineCutoff(cutoff)
        self.blocks = nn.ModuleList(SchNetInteraction(features, n_rbf) for _ in range(interactions))
        self.out1 = nn.Linear(features, features // 2)
        self.out2 = nn.Linear(features // 2, 1)

    def forward(self, z, pos, src, dst, mol, n_mol):
        vec = pos[src] - pos[dst]
        r = torch.sqrt((vec * vec).sum(-1))
        rbf, fcut = self.rbf(r), self.fc(r)
        x = self.embed(z)
        for b in self.blocks:
            x = b(x, rbf, fcut, src, dst)
        e_atom = self.out2(ssp(self.out1(x)))[:, 0]
        return torch.zeros(n_mol, dtype=pos.dtype).index_add_(0, mol, e_atom)


class PaiNNMessage(nn.Module):
    def __init__(self, f, n_rbf):
        super().__init__()
        self.phi1 = nn.Linear(f, f)
        self.phi2 = nn.Linear(f, 3 * f)
        self.w = nn.Linear(n_rbf, 3 * f)
        self.f = f

    def forward(self, s, v, rbf, fcut, unit, src, dst):
        f = self.f
        x = self.phi2(nn.functional.silu(self.phi1(s)))[src] * (self.w(rbf) * fcut[:, None])
        ds, dvv, dvs = torch.split(x, f, dim=-1)
        dv = dvv[:, None, :] * v[src] + dvs[:, None, :] * unit[:, :, None]
        s = s + torch.zeros_like(s).index_add_(0, dst, ds)
        v = v + torch.zeros_like(v).index_add_(0, dst, dv)
        return s, v


class PaiNNUpdate(nn.Module):
    def __init__(self, f):
        super().__init__()
        self.U = nn.Linear(f, f, bias=False)
        self.V = nn.Linear(f, f, bias=False)
        self.a1 = nn.Linear(2 * f, f)
        self.a2 = nn.Linear(f, 3 * f)
        self.f = f

    def forward(self, s, v):
        uv, vv = self.U(v), self.V(v)
        vnorm = torch.sqrt((vv * vv).sum(1) + 1e-8)
        a = self.a2(nn.functional.silu(self.a1(torch.cat([s, vnorm], -1))))
        avv, asv, ass = torch.split(a, self.f, dim=-1)
        return s + asv * (uv * vv).sum(1) + ass, v + avv[:, None, :] * uv


class PaiNN(nn.Module):
    def __init__(self, features=64, layers=3, n_rbf=20, cutoff=5.0, max_z=100):
        super().__init__()
        self.features = features
        self.embed = nn.Embedding(max_z, features)
        self.rbf = BesselRBF(n_rbf, cutoff)
        self.fc = CosineCutoff(cutoff)
        self.msg = nn.ModuleList(PaiNNMessage(features, n_rbf) for _ in range(layers))
        self.upd = nn.ModuleList(PaiNNUpdate(features) for _ in range(layers))
        self.out1 = nn.Linear(features, features // 2)
        self.out2 = nn.Linear(features // 2, 1)

    def forward(self, z, pos, src, dst, mol, n_mol):
        vec = pos[src] - pos[dst]
        r = torch.sqrt((vec * vec).sum(-1))
        unit = vec / r[:, None]
        rbf, fcut = self.rbf(r), self.fc(r)
        s = self.embed(z)
        v = torch.zeros(s.shape[0], 3, self.features, dtype=s.dtype)
        for m, u in zip(self.msg, self.upd):
            s, v = m(s, v, rbf, fcut, unit, src, dst)
            s, v = u(s, v)
        e_atom = self.out2(nn.functional.silu(self.out1(s)))[:, 0]
        return torch.zeros(n_mol, dtype=pos.dtype).index_add_(0, mol, e_atom)


def build(name, features, layers, n_rbf, cutoff):
    if name == "schnet":
        return SchNet(features, layers, n_rbf, cutoff)
    if name == "painn":
        return PaiNN(features, layers, n_rbf, cutoff)
    raise ValueError("unknown model " + name)
