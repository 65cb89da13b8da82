"""The runner reads each client config once and passes what it read on."""

from pathlib import Path

import smanalysis.reporting.config as config_mod
import smanalysis.reporting.batch as batch

SPARSE = Path(__file__).resolve().parents[1] / "fixtures" / "workflow" / "sparse_client.yaml"


def test_run_batch_reads_each_config_once(monkeypatch, tmp_path):
    reads, seen = [], []
    real = config_mod.read_config

    def counting(path):
        reads.append(Path(path).name)
        return real(path)

    def fake_run_client(config, **kwargs):
        seen.append(config)
        cfg = config_mod.as_config(config)  # what run_client does first
        return {"client": cfg["client"], "slug": cfg["slug"], "status": "ok", "seconds": 0.0, "reason": "",
                "outputs": []}

    monkeypatch.setattr(config_mod, "read_config", counting)
    monkeypatch.setattr(batch, "run_client", fake_run_client)
    summary = batch.run_batch([SPARSE], out=tmp_path, verbose=False)
    assert summary["status"].tolist() == ["ok"]
    assert reads == ["sparse_client.yaml"]  # once, not once per step
    assert isinstance(seen[0], dict) and seen[0]["slug"] == "kopi-senja-sparse"
