"""The start-up warm-up finds the server the way `streamlit run` options name it, and says when it cannot."""

from borderdash import warmup


def test_server_url_follows_the_port_and_address_options_in_both_spellings():
    assert warmup.server_url([]) == "http://127.0.0.1:8501"
    assert warmup.server_url(["--server.port", "8600", "--server.address", "10.0.0.5"]) == "http://10.0.0.5:8600"
    assert warmup.server_url(["--server.port=8601", "--server.address=0.0.0.0"]) == "http://127.0.0.1:8601"


def test_warm_up_gives_up_when_no_server_answers(monkeypatch, capsys):
    assert warmup.warm_up("http://127.0.0.1:9", wait_s=0.5) is None
    monkeypatch.setattr(warmup, "warm_up", lambda url: None)
    assert warmup.main(["--server.port", "9"]) == 1
    assert "could not prepare the first page at http://127.0.0.1:9" in capsys.readouterr().err
