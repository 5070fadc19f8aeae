"""Build the POST data an admin change page would submit, from the page itself."""


def _add_form(data: dict, form) -> None:
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if value is True:
            data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        else:
            data[key] = str(value)


def admin_form_data(response) -> dict:
    """The main form and every inline formset of an admin add or change page, as posted."""
    data: dict = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    return data


def errors_of(response) -> list[str]:
    """Every error message an admin form page shows, main form and inlines."""
    messages = []
    if response.context and "adminform" in response.context:
        for errors in response.context["adminform"].form.errors.values():
            messages.extend(errors)
        for inline in response.context["inline_admin_formsets"]:
            messages.extend(inline.formset.non_form_errors())
            for form_errors in inline.formset.errors:
                for errors in form_errors.values():
                    messages.extend(errors)
    return messages
