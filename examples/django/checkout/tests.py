"""The example through Django's test client: the page's inputs carry `data-pccc-field`, a good order is cleaned to
the canonical values and shown masked, a bad one gets each field's message in the request's language (Korean by
default), with the field's error code, and no message quotes what was typed."""

from django.test import SimpleTestCase

from pccc_guard import validate_pccc

from .forms import OrderForm

GOOD = {"name": "홍길동", "pccc": "ｐ1234 5678 9012", "phone": "+82 10-1234-5678", "postcode": "03154"}


class OrderPage(SimpleTestCase):
    def test_the_inputs_are_marked_for_the_forms_layer(self) -> None:
        page = self.client.get("/").content.decode()
        for name, field in (("name", "name"), ("pccc", "pccc"), ("phone", "phone"), ("postcode", "postcode")):
            self.assertInHTML(
                f'<input type="text" name="{name}" data-pccc-field="{field}" required id="id_{name}">', page
            )

    def test_a_good_order_is_cleaned_and_shown_masked(self) -> None:
        memo = "부재시 010-9876-5432로 연락"
        response = self.client.post("/", {**GOOD, "memo": memo})
        self.assertEqual(response.status_code, 201)
        page = response.content.decode()
        for part in ("홍*동", "P********9012", "010-1234-****", "03154", "부재시 010-9876-****로 연락"):
            self.assertIn(part, page)
        self.assertNotIn("9876-5432", page)

    def test_a_bad_order_gets_each_fields_message(self) -> None:
        bad = {**GOOD, "pccc": "P98765432109", "phone": "0504-1234-5678"}
        response = self.client.post("/", bad)
        self.assertEqual(response.status_code, 422)
        form = response.context["form"]
        self.assertEqual(
            {name: [e.code for e in errors] for name, errors in form.errors.as_data().items()},
            {"pccc": ["too_short"], "phone": ["virtual_number"]},
        )
        korean = validate_pccc("P98765432109").error.message
        self.assertEqual(form.errors["pccc"], [korean])
        for errors in form.errors.values():
            for message in errors:
                self.assertNotIn("98765432109", message)
                self.assertNotIn("0504", message)

    def test_english_when_the_request_asks_for_it(self) -> None:
        response = self.client.post("/", {**GOOD, "pccc": "P98765432109"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        self.assertEqual(response.context["form"].errors["pccc"], [validate_pccc("P1", locale="en").error.message])

    def test_the_form_alone(self) -> None:
        form = OrderForm(data={**GOOD, "postcode": "123-456"})
        self.assertFalse(form.is_valid())
        self.assertEqual(form.errors.as_data()["postcode"][0].code, "old_postcode")
        form = OrderForm(data=GOOD)
        self.assertTrue(form.is_valid())
        self.assertEqual(form.cleaned_data["pccc"], "P123456789012")
