"""The order form: each recipient field is pccc-guard's form field, which cleans to the canonical value, answers in
the active language and marks its input for the browser's forms layer (`data-pccc-field`)."""

from django import forms

from pccc_guard import redact
from pccc_guard.django import NameField, PcccField, PhoneField, PostcodeField


class OrderForm(forms.Form):
    name = NameField(label="받는 분")
    pccc = PcccField(label="개인통관고유부호")
    phone = PhoneField(label="휴대전화 번호")
    postcode = PostcodeField(label="우편번호")
    memo = forms.CharField(label="배송 메모", required=False, widget=forms.Textarea)

    def clean_memo(self) -> str:
        # Couriers read the memo: its personal numbers are masked before it is kept.
        return redact(self.cleaned_data["memo"])
