#!/usr/bin/env python3
"""Django's command-line utility for the example: `python manage.py runserver 127.0.0.1:8000`, `python manage.py test`."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkout.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
