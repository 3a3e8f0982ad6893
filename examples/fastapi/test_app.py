"""The example as it runs: uvicorn serving app.py on a loopback port (a socket this test binds and hands over, so no
port is guessed), sent good, bad, hostile and oversized requests over HTTP with the standard library's client. The
answers are checked, and nothing that was posted may come back in an error."""

import json
import os
import socket
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.request

from pccc_guard import check_recipient

GOOD = {"name": "홍길동", "pccc": "p1234 5678 9012", "phone": "+82 10-1234-5678", "postcode": "03154"}
SECRET = "P98765432109"  # one digit short, and never in an answer


class Server(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        cls.listener.bind(("127.0.0.1", 0))
        cls.listener.listen(16)
        cls.port = cls.listener.getsockname()[1]
        fd = cls.listener.fileno()
        cls.server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app:app", "--fd", str(fd), "--log-level", "warning"],
            pass_fds=[fd],
            cwd=os.path.dirname(os.path.abspath(__file__)),
        )
        # The socket listens already, so a request waits in its backlog until uvicorn has started (importing FastAPI
        # takes seconds on a busy machine); bounded, and given up at once if the server exits.
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{cls.port}/openapi.json", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or cls.server.poll() is not None:
                    cls.tearDownClass()
                    raise
                time.sleep(0.1)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.terminate()
        cls.server.wait(timeout=10)
        cls.listener.close()

    def post(self, path: str, body: bytes, kind: str = "application/json", language: str = "") -> tuple[int, bytes]:
        headers = {"content-type": kind}
        if language:
            headers["accept-language"] = language
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=body, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post_json(self, path: str, value: object, language: str = "") -> tuple[int, object]:
        status, body = self.post(path, json.dumps(value).encode(), language=language)
        return status, json.loads(body)

    def test_a_good_order_gets_the_canonical_values(self) -> None:
        status, body = self.post_json("/orders", {**GOOD, "quantity": 2})
        self.assertEqual(status, 201)
        self.assertEqual(
            body, {"recipient": {"name": "홍길동", "pccc": "P123456789012", "phone": "01012345678", "postcode": "03154"}}
        )

    def test_a_form_body_works_too(self) -> None:
        form = "name=%ED%99%8D%EA%B8%B8%EB%8F%99&pccc=P123456789012&phone=010-1234-5678&postcode=03154"
        status, body = self.post("/orders", form.encode(), kind="application/x-www-form-urlencoded")
        self.assertEqual(status, 201)
        self.assertEqual(json.loads(body)["recipient"]["phone"], "01012345678")

    def test_a_bad_order_gets_the_browsers_json_in_the_requests_language(self) -> None:
        bad = {**GOOD, "pccc": SECRET, "postcode": "123-456"}
        for language, locale in (("", "ko"), ("en-US,en;q=0.9", "en"), ("ko-KR,en;q=0.5", "ko"), ("fr", "ko")):
            status, body = self.post("/orders", json.dumps(bad).encode(), language=language)
            self.assertEqual(status, 422)
            # Byte for byte what check_recipient gives, so what the browser showed.
            self.assertEqual(body.decode(), check_recipient(bad, locale=locale).to_json())
            self.assertNotIn(SECRET, body.decode())
        fields = json.loads(body)["fields"]
        self.assertEqual((fields["pccc"]["error"]["code"], fields["postcode"]["error"]["code"]), ("too_short", "old_postcode"))

    def test_what_cannot_be_read_is_refused_without_quoting_it(self) -> None:
        for body, kind, status in (
            (b"[1, 2]", "application/json", 400),
            (b"{not json", "application/json", 400),
            (json.dumps({**GOOD, "pccc": 98765432109}).encode(), "application/json", 400),
            (json.dumps({**GOOD, "pccc": [SECRET]}).encode(), "application/json", 400),
            (b"pccc=P1", "text/plain", 415),
            (b"x" * 20_000, "application/json", 413),
        ):
            got, answer = self.post("/orders", body, kind=kind)
            self.assertEqual(got, status, body[:40])
            self.assertNotIn(b"98765432109", answer)

    def test_the_pydantic_types_normalise_mask_and_redact(self) -> None:
        shipment = {**GOOD, "memo": "부재시 010-9876-5432로 연락, 통관부호 P1234-5678-9012"}
        status, body = self.post_json("/shipments", shipment)
        self.assertEqual(status, 201)
        self.assertEqual(
            body,
            {
                "label": {"name": "홍*동", "pccc": "P********9012", "phone": "010-1234-****", "postcode": "03154"},
                "memo": "부재시 010-9876-****로 연락, 통관부호 P****-****-9012",
            },
        )

    def test_the_pydantic_types_answer_with_codes_and_never_the_input(self) -> None:
        status, body = self.post_json("/shipments", {**GOOD, "pccc": SECRET, "phone": "0504-1234-5678", "postcode": 3154})
        self.assertEqual(status, 422)
        self.assertEqual(
            [(e["field"], e["code"]) for e in body["errors"]],
            [("pccc", "too_short"), ("phone", "virtual_number"), ("postcode", "string_type")],
        )
        self.assertNotIn(SECRET, json.dumps(body, ensure_ascii=False))
        self.assertNotIn("0504", json.dumps(body, ensure_ascii=False))


if __name__ == "__main__":
    unittest.main()
