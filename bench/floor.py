"""The floor of the stack for a wizard step: Flask, Flask-WTF's CSRF check on the POST, a
one-question WTForms form validated, and a small cached Jinja template rendered.

No translations, no accessible markup, no carried answers: what any Flask-WTF form page
costs before it does anything of its own. The load benchmark measures it beside the
hello-world so the wizard step's ratio can be read against what the stack itself allows.
"""
from flask import Flask
from flask_wtf import CSRFProtect, FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

app = Flask(__name__)
app.config["SECRET_KEY"] = "bench-only-" + "x" * 53  # nosec B105 - a benchmark, never served
CSRFProtect(app)

PAGE = app.jinja_env.from_string(
    '<!doctype html><title>Step</title><form method="post">'
    '<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">'
    '{% for option in form.kind.iter_choices() %}<input type="radio" name="kind" id="k{{ loop.index }}"'
    ' value="{{ option.value }}"{% if option.selected %} checked{% endif %}>'
    '<label for="k{{ loop.index }}">{{ option.label }}</label>{% endfor %}'
    '{% for error in form.kind.errors %}<p>{{ error }}</p>{% endfor %}<button>Next</button></form>')


class KindForm(FlaskForm):
    class Meta:
        csrf = False  # CSRFProtect has checked the POST already, as in recours

    kind = RadioField("What happened?", choices=[SelectChoice("decision", "A decision"), SelectChoice("phone", "A phone")],
                      validators=[InputRequired()])


@app.route("/en/wizard", methods=["GET", "POST"])
def wizard():
    form = KindForm()
    form.validate_on_submit()
    return PAGE.render(form=form)
