#!/usr/bin/env python3
"""Compares backstep's recurrent layer with PyTorch's nn.RNN, step by step. Not run by CI.

Draws a small many-to-one network (nn.RNN of H units over T steps of I features, then a dense
output) and a sequence CSV, has `backstep trace` train it for a few steps, trains the same
network in torch (float64, the same batches, the same optimizer), and checks every trace key,
delta_through_time included, to 1e-9 relative.

    python3 Scripts/compare-rnn-with-torch.py [--backstep .build/debug/backstep]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import torch

torch.set_default_dtype(torch.float64)


def close(a, b, name, tol=1e-9):
    a = torch.as_tensor(a, dtype=torch.float64)
    b = torch.as_tensor(b, dtype=torch.float64)
    if a.shape != b.shape:
        raise SystemExit(f"{name}: shapes differ, backstep {tuple(a.shape)} torch {tuple(b.shape)}")
    err = ((a - b).abs() / (a.abs() + b.abs()).clamp(min=1e-12)).max().item() if a.numel() else 0
    if err > tol and (a - b).abs().max().item() > 1e-15:
        raise SystemExit(f"{name}: relative error {err:.2e}")
    return err


def run(case, backstep, folder):
    g = torch.Generator().manual_seed(case["seed"])
    I, H, T, N, B = case["I"], case["H"], case["T"], case["N"], case["B"]
    rnn = torch.nn.RNN(I, H, nonlinearity=case["act"], batch_first=True)
    out = torch.nn.Linear(H, 1)
    with torch.no_grad():
        for p in list(rnn.parameters()) + list(out.parameters()):
            p.copy_(torch.rand(p.shape, generator=g) * 2 - 1)
    x = torch.rand(N, T, I, generator=g) * 2 - 1
    y = torch.rand(N, 1, generator=g)

    model = {"format": "backstep.model", "version": 1, "inputs": I, "loss": "mse", "layers": [
        {"type": "rnn", "units": H, "activation": case["act"], "weights_ih": rnn.weight_ih_l0.tolist(),
         "weights_hh": rnn.weight_hh_l0.tolist(), "bias_ih": rnn.bias_ih_l0.tolist(), "bias_hh": rnn.bias_hh_l0.tolist()},
        {"units": 1, "activation": "identity", "weights": out.weight.tolist(), "biases": out.bias.tolist()}]}
    model_path, data_path, trace_path = (os.path.join(folder, n) for n in ("m.json", "d.csv", "t.jsonl"))
    json.dump(model, open(model_path, "w"))
    header = [f"x{k + 1}@{t + 1}" for t in range(T) for k in range(I)] + ["y"]
    with open(data_path, "w") as f:
        f.write(",".join(header) + "\n")
        for n in range(N):
            f.write(",".join(repr(v) for v in x[n].reshape(-1).tolist() + y[n].tolist()) + "\n")
    flags = case["flags"]
    subprocess.run([backstep, "trace", "--model", model_path, "--data", data_path, "--batch-size", str(B), "--no-shuffle",
                    "--steps", str(case["steps"]), "--out", trace_path] + flags, check=True)
    lines = [json.loads(line) for line in open(trace_path)]

    params = [rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0, out.weight, out.bias]
    opt = case["optimizer"](params)
    f = torch.tanh if case["act"] == "tanh" else torch.relu
    worst = 0
    for step, line in enumerate(lines):
        rows = [(step * B + i) % N for i in range(B)]
        assert line["batch_indices"] == rows, (line["batch_indices"], rows)
        xb, yb = x[rows], y[rows]
        h = torch.zeros(B, H)
        zs, hs = [], []
        for t in range(T):
            z = xb[:, t] @ rnn.weight_ih_l0.T + rnn.bias_ih_l0 + h @ rnn.weight_hh_l0.T + rnn.bias_hh_l0
            z.retain_grad()
            h = f(z)
            zs.append(z)
            hs.append(h)
        reference, _ = rnn(xb)
        close(reference[:, -1], hs[-1].detach(), "nn.RNN against the unrolled loop")
        a = out(h)
        data_loss = 0.5 * ((a - yb) ** 2).sum() / B
        l2 = case.get("l2", 0)
        reg = l2 * 0.5 * sum((p ** 2).sum() for p in (rnn.weight_ih_l0, rnn.weight_hh_l0, out.weight))
        opt.zero_grad()
        (data_loss + reg).backward()
        if "clip" in case:
            torch.nn.utils.clip_grad_norm_(params, case["clip"])
        worst = max(worst, close(line["loss"], (data_loss + reg).item(), "loss"))
        worst = max(worst, close(line["z"][0], torch.stack([z.detach() for z in zs]), "z[0]"))
        worst = max(worst, close(line["a"][0], torch.stack([h.detach() for h in hs]), "a[0]"))
        worst = max(worst, close(line["deltas"][0], torch.stack([z.grad for z in zs]), "deltas[0]"))
        worst = max(worst, close(line["delta_through_time"][0], [z.grad.norm().item() for z in zs], "delta_through_time"))
        worst = max(worst, close(line["applied_dW"][0][0], rnn.weight_ih_l0.grad, "applied_dW ih"))
        worst = max(worst, close(line["applied_dW"][0][1], rnn.weight_hh_l0.grad, "applied_dW hh"))
        worst = max(worst, close(line["applied_db"][0][0], rnn.bias_ih_l0.grad, "applied_db ih"))
        worst = max(worst, close(line["applied_db"][0][1], rnn.bias_hh_l0.grad, "applied_db hh"))
        worst = max(worst, close(line["applied_dW"][1], out.weight.grad, "applied_dW[1]"))
        opt.step()
        worst = max(worst, close(line["weights_after"][0][0], rnn.weight_ih_l0.detach(), "weights_after ih"))
        worst = max(worst, close(line["weights_after"][0][1], rnn.weight_hh_l0.detach(), "weights_after hh"))
        worst = max(worst, close(line["biases_after"][0][0], rnn.bias_ih_l0.detach(), "biases_after ih"))
        worst = max(worst, close(line["biases_after"][0][1], rnn.bias_hh_l0.detach(), "biases_after hh"))
        worst = max(worst, close(line["weights_after"][1], out.weight.detach(), "weights_after[1]"))
    return worst


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--backstep", default=".build/debug/backstep")
    args = parser.parse_args()
    cases = [
        dict(name="tanh, sgd", act="tanh", I=1, H=3, T=5, N=6, B=3, steps=4, seed=1,
             flags=["--optimizer", "sgd", "--lr", "0.1"], optimizer=lambda p: torch.optim.SGD(p, lr=0.1)),
        dict(name="relu, adam, l2", act="relu", I=2, H=4, T=3, N=5, B=2, steps=5, seed=2, l2=0.01,
             flags=["--optimizer", "adam", "--lr", "0.01", "--l2", "0.01"], optimizer=lambda p: torch.optim.Adam(p, lr=0.01)),
        dict(name="tanh, sgd momentum, clip-norm", act="tanh", I=2, H=2, T=6, N=4, B=4, steps=3, seed=3, clip=0.05,
             flags=["--optimizer", "sgd", "--lr", "0.5", "--momentum", "0.9", "--clip-norm", "0.05"],
             optimizer=lambda p: torch.optim.SGD(p, lr=0.5, momentum=0.9)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            worst = run(case, args.backstep, folder)
            print(f"{case['name']}: every key agrees, worst relative error {worst:.1e}")


if __name__ == "__main__":
    sys.exit(main())
