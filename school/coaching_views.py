"""Placeholder: being written in this session."""

from django.http import Http404


def _missing(*args, **kwargs):
    raise Http404


event_list = event_detail = my_support = coaching_detail = supervision_detail = _missing
