"""A checkout API on FastAPI that checks the recipient with the same rules, codes and messages as the browser.

- ``POST /orders`` takes JSON or a form body: ``201`` with the canonical values, or ``422`` with every field's
  result, the JSON that ``checkRecipient`` gives in the browser (``check_recipient(...).to_json()``), in the
  language of ``Accept-Language`` (English when English comes first, else Korean).
- ``POST /shipments`` takes a JSON body typed with the pydantic adapter's types: ``201`` with the values masked for
  display and the delivery memo redacted, or ``422`` with each wrong field's code and message. FastAPI's own answer
  would repeat every input; this one never does.

Run it with ``uvicorn app:app --host 127.0.0.1 --port 8000``.
"""

import json
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict

from pccc_guard import check_recipient, mask_name, mask_pccc, mask_phone, redact
from pccc_guard.pydantic import Name, Pccc, Phone, Postcode

app = FastAPI(title="pccc-guard checkout example")

MAX_BODY = 16 * 1024


def language(request: Request) -> str:
    """English when the request's first language is English, else Korean."""
    first = request.headers.get("accept-language", "").split(",")[0].split(";")[0].strip()
    return "en" if first.lower().startswith("en") else "ko"


def problem(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


@app.post("/orders")
async def create_order(request: Request) -> Response:
    body = await request.body()
    if len(body) > MAX_BODY:
        return problem(413, "the body is too large")
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    try:
        if kind == "application/x-www-form-urlencoded":
            fields = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        elif kind == "application/json":
            fields = json.loads(body)
        else:
            return problem(415, "send JSON or a form")
        report = check_recipient(fields, locale=language(request))
    except (ValueError, TypeError):
        # Not JSON, not an object, or a field that is not a string: pccc-guard's messages quote nothing.
        return problem(400, "the body must be an object whose fields are strings")
    if not report.valid:
        return Response(report.to_json(), status_code=422, media_type="application/json")
    recipient = {name: result.value for name, result in report.fields.items()}
    return JSONResponse({"recipient": recipient}, status_code=201)


class Shipment(BaseModel):
    # pydantic puts each input into its own error report unless told not to.
    model_config = ConfigDict(hide_input_in_errors=True)

    name: Name
    pccc: Pccc
    phone: Phone
    postcode: Postcode
    memo: str = ""


@app.exception_handler(RequestValidationError)
async def invalid_body(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"field": ".".join(str(part) for part in error["loc"][1:]), "code": error["type"], "message": error["msg"]}
        for error in exc.errors()
    ]
    return JSONResponse({"errors": errors}, status_code=422)


@app.post("/shipments", status_code=201)
def create_shipment(shipment: Shipment) -> dict:
    # The values are canonical here; what goes on a label is masked, and the memo loses its personal numbers.
    return {
        "label": {
            "name": mask_name(shipment.name),
            "pccc": mask_pccc(shipment.pccc),
            "phone": mask_phone(shipment.phone),
            "postcode": shipment.postcode,
        },
        "memo": redact(shipment.memo),
    }
