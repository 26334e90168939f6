"""One small form per wizard step. Field names are the keys of the carried answers."""
from __future__ import annotations

import datetime as dt

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Regexp,
    StopValidation,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, DateInput, EmailInput, ListWidget

from .. import wording
from ..case import LIMITS, TOPICS
from ..text import clean, typed_date
from .lazy import lazy_gettext as _l

_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def choices(pairs) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs (tuples are deprecated since WTForms 3.3)."""
    return [SelectChoice(str(value), label) for value, label in pairs]


def _line(value):
    return clean(value) if isinstance(value, str) else value


def _block(value):
    return clean(value, multiline=True) if isinstance(value, str) else value


def _too_long(limit: str):
    # I18N: shown under a field whose answer is longer than allowed; %(max)d is a number.
    return Length(max=LIMITS[limit], message=_l("This answer is too long: at most %(max)d characters.",
                                                max=LIMITS[limit]))


class Optional:
    """Stop validating an empty answer — empty after cleaning, so control characters alone
    count as empty (WTForms' own Optional looks at the raw input)."""

    field_flags = {"optional": True}

    def __call__(self, form, field):
        if not field.data:
            field.errors[:] = []
            raise StopValidation()


# Required text is checked after cleaning too: a field of control characters is empty.
_REQUIRED = DataRequired(message=_l("This answer is needed."))
_CHOOSE = InputRequired(message=_l("Choose one of the options."))


class _Chosen(InputRequired):
    """A choice is needed, without the HTML ``required`` attribute: on a select whose first
    option is a real value (not a placeholder) that attribute is invalid HTML; the field
    says ``aria-required`` instead."""

    def __init__(self, message=None):
        super().__init__(message)
        self.field_flags = {}


_CHOOSE_LISTED = _Chosen(message=_l("Choose one of the options."))
_ARIA_REQUIRED = {"aria-required": "true"}
_EMAIL_CHECK = Regexp(_EMAIL, message=_l("This is not an e-mail address. It looks like name@example.org."))


_NO_CONTACT = _l("Give a postal address or an e-mail address for the answer.")


def _fail(field, message) -> bool:
    """Add a form-level check's message to ``field`` (checks across fields live in validate())."""
    errors = list(field.errors)
    if message not in errors:
        errors.append(message)
    field.errors = errors
    return False


def _reachable(address, email) -> bool:
    """Someone must be reachable for the answer: a postal address or an e-mail address."""
    return bool(address.data or email.data) or _fail(address, _NO_CONTACT)


class PastDate:
    """Accepts 2026-01-31, 31.01.2026 or 31/01/2026 and stores the ISO form."""

    def __init__(self, *, past: bool = True):
        self.past = past
        # A letter may be dated ahead, but not beyond a year: deadlines are counted from it.
        self.latest = dt.timedelta(days=0 if past else 366)

    def __call__(self, form, field):
        if not field.data:
            return
        value = typed_date(field.data)
        if value is None:
            raise ValidationError(_l("This is not a date. Use the form 2026-01-31."))
        if value.year < 1900:
            raise ValidationError(_l("This date is too far in the past."))
        if value > dt.date.today() + self.latest:
            raise ValidationError(_l("This date is in the future.") if self.past
                                  else _l("This date is too far in the future."))
        field.data = value.isoformat()


def _text(label, limit="short", *, required=False, description=""):
    validators = [_REQUIRED if required else Optional(), _too_long(limit)]
    return StringField(label, validators=validators, filters=[_line], description=description)


def _area(label, limit="address", description=""):
    return TextAreaField(label, validators=[Optional(), _too_long(limit)], filters=[_block],
                         description=description)


def _email(label, description=""):
    return StringField(label, validators=[Optional(), _too_long("email"), _EMAIL_CHECK],
                       filters=[_line], widget=EmailInput(), description=description)


def _date(label, *, past=True, required=False, description=""):
    return StringField(label, validators=[_REQUIRED if required else Optional(), PastDate(past=past)],
                       filters=[_line], widget=DateInput(), description=description)


class WizardForm(FlaskForm):
    """A wizard step's form. CSRFProtect checks the token of every POST once, before any view
    runs, and answers a failure with the same page and every answer kept (see routes.py);
    a second check inside each of the two forms a step builds would only cost time."""

    class Meta:
        csrf = False


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class KindForm(WizardForm):
    kind = RadioField(_l("What happened?"), choices=choices((k, _l(v[0])) for k, v in wording.KINDS.items()),
                      validators=[_CHOOSE])


class TopicForm(WizardForm):
    event_topic = RadioField(_l("What was it about?"), validators=[_CHOOSE])

    def setup(self, state):
        self.event_topic.choices = choices((t, _l(wording.TOPICS[t])) for t in TOPICS.get(state.get("kind"), ()))


class CountryForm(WizardForm):
    country = SelectField(_l("Country"), validators=[_CHOOSE])


class SystemForm(WizardForm):
    system = RadioField(_l("Which system or procedure was it?"), validators=[Optional()])


class UnsupportedForm(WizardForm):
    """The page that says plainly that no supported law binds the authority."""


class AuthorityForm(WizardForm):
    authority_id = SelectField(_l("Choose the authority"), validators=[Optional()],
                               description=_l("If it is not in the list, choose the last option and type it below."))
    authority_name = _text(_l("Name of the authority"),
                           description=_l("As it is written on its letters, for example the name of the ministry or office."))
    authority_address = _area(_l("Postal address of the authority"),
                              description=_l("Copy it from a letter or the authority's website. You can also add it later on the printed letter."))
    authority_email = _email(_l("E-mail address of the authority (if you know it)"),
                             description=_l("Many authorities have a data protection officer with an e-mail address."))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not self.authority_name.data and not self.authority_id.data:
            return _fail(self.authority_name, _l("This answer is needed."))
        return valid


class EventForm(WizardForm):
    event_date = _date(_l("Date of the decision or event"), description=_l("The date of the decision or when it happened. If you do not know it, leave it empty."))
    event_reference = _text(_l("Reference number of the decision or file"),
                            description=_l("It is often at the top of the authority's letters."))
    event_system = _text(_l("Name of the system or database (if you know it)"),
                         description=_l("For example Eurodac, or the name of a computer program."))


class RightsForm(WizardForm):
    rights = MultiCheckboxField(_l("Which rights do you want to use?"),
                                choices=choices((k, _l(v[0])) for k, v in wording.RIGHTS.items()),
                                validators=[InputRequired(message=_l("Choose at least one right."))])


class DetailsForm(WizardForm):
    details_inaccurate = _area(_l("Which data about you are wrong?"), "long",
                               description=_l("For example: my date of birth is written as 01.01.1990."))
    details_correction = _area(_l("What is correct?"), "long",
                               description=_l("For example: my date of birth is 12.03.1991."))
    details_situation = _area(_l("Why should the authority stop using your data?"), "long",
                              description=_l("Describe your own situation in a few sentences."))


class AboutForm(WizardForm):
    person_name = _text(_l("Your full name"), required=True,
                        description=_l("As the authority knows it."))
    person_other_names = _text(_l("Other spellings of your name (optional)"),
                               description=_l("Names are often written in different ways. This helps the authority find your data."))
    person_birth_date = _date(_l("Date of birth (optional)"),
                              description=_l("It helps the authority find your data if there are people with the same name."))
    person_references = _area(_l("Your reference numbers at the authority (optional)"),
                              description=_l("For example a file number, a case number or an application number."))
    person_address = _area(_l("Your postal address for the answer"),
                           description=_l("You can use the address of a friend, a lawyer or an advice centre."))
    person_email = _email(_l("Your e-mail address for the answer"))
    place = _text(_l("Town or city you write from (optional)"),
                  description=_l("It is printed next to the date of the letter."))
    for_someone_else = BooleanField(_l("Someone else sends the letter for me (a lawyer, a caseworker, a friend)"),
                                    false_values=("", "n", "false"))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if self.for_someone_else.data:  # their address receives the answer instead
            return valid
        return _reachable(self.person_address, self.person_email) and valid


class RepresentativeForm(WizardForm):
    representative_name = _text(_l("Name of the person who sends the letter for you"), required=True)
    representative_organisation = _text(_l("Organisation (optional)"),
                                        description=_l("For example a law firm or an advice centre."))
    representative_address = _area(_l("Their postal address for the answer"))
    representative_email = _email(_l("Their e-mail address for the answer"))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        return _reachable(self.representative_address, self.representative_email) and valid


class LanguagesForm(WizardForm):
    letter_language = SelectField(_l("Language of the letter"), validators=[_CHOOSE_LISTED], render_kw=_ARIA_REQUIRED,
                                  description=_l("The authority reads this language. We suggest its official language."))
    sheet_language = SelectField(_l("Language of your explanation sheet"), validators=[_CHOOSE_LISTED],
                                 render_kw=_ARIA_REQUIRED,
                                 description=_l("A sheet in this language explains the letter and what happens next."))
    sent_on = _date(_l("Date of the letter"), past=False, required=True,
                    description=_l("Usually the day you send or hand in the letter. We count the deadline "
                                   "for the reply as if the authority received it that day."))


class ReviewForm(WizardForm):
    """The review page has no fields of its own; it only carries the CSRF token."""


# --- follow-up letters -------------------------------------------------------------------

class FollowupForm(WizardForm):
    """Which follow-up letter to write; the choices depend on the law of the case."""
    followup_letter = RadioField(_l("Which letter do you need now?"), validators=[_CHOOSE])


class ReplyForm(WizardForm):
    """What happened since the first letter. Fields that do not fit the chosen letter are hidden."""
    followup_answer = RadioField(_l("What did the authority do?"),
                                 choices=choices((k, _l(v)) for k, v in wording.ANSWERS.items()),
                                 validators=[Optional()])
    followup_answered_on = _date(_l("Date of the authority's answer (if it answered)"),
                                 description=_l("It is usually at the top of its letter."))
    followup_answer_reference = _text(_l("Reference of the answer (optional)"))
    followup_extension = BooleanField(_l("The authority told me it needs more time"),
                                      false_values=("", "n", "false"))
    followup_missing = MultiCheckboxField(_l("What is missing from the answer?"),
                                          choices=choices((k, _l(v)) for k, v in wording.MISSING.items()),
                                          validators=[Optional()])
    followup_statement = _area(_l("In your own words (optional)"), "long",
                               description=_l("Say briefly why the decision or the answer is wrong for you."))
    followup_keep_identity = BooleanField(
        _l("Ask the data protection authority not to tell the other authority who I am, unless it must "
           "to deal with my complaint"), false_values=("", "n", "false"),
        description=_l("Some authorities cannot deal with a complaint without giving your name. "
                       "They will tell you before they do."))
    followup_written_on = _date(_l("Date of this letter"), past=False, required=True,
                                description=_l("Usually the day you send it."))


class FollowupReviewForm(WizardForm):
    """The follow-up review page has no fields of its own; it only carries the CSRF token."""
