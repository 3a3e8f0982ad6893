from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pccc_guard import mask_name, mask_pccc, mask_phone

from .forms import OrderForm


def order(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = OrderForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            label = {
                "name": mask_name(data["name"]),
                "pccc": mask_pccc(data["pccc"]),
                "phone": mask_phone(data["phone"]),
                "postcode": data["postcode"],
            }
            return render(request, "checkout/done.html", {"label": label, "memo": data["memo"]}, status=201)
        return render(request, "checkout/order.html", {"form": form}, status=422)
    return render(request, "checkout/order.html", {"form": OrderForm()})
