"""The batch spreadsheet's columns: one per case field, named like the wizard's answers.

Each column has an English description (a gettext message id, translated for the column
reference in every interface language) and an example value used in the template.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..case import N_

LETTERS = ("request", "reminder", "incomplete", "complaint", "complaint_crpa", "reconsideration")


@dataclass(frozen=True)
class Column:
    """One column of the batch spreadsheet."""

    name: str
    help: str
    examples: tuple[str, str] = ("", "")
    required: bool = False


# I18N: descriptions of the columns of the batch spreadsheet (shown in the column reference).
COLUMNS: tuple[Column, ...] = (
    Column("reference", N_("Your own reference for this row. It is not printed in the letter; it appears in "
                           "index.csv so you can find the row again."), ("2026-041", "2026-042")),
    Column("letter", N_("Which letter: request (the first letter), reminder, incomplete, complaint, "
                        "complaint_crpa (referral to the CADA, France) or reconsideration. Empty means request."),
           ("request", "reminder")),
    Column("kind", N_("What happened: decision, biometric, phone or unsure."), ("phone", "decision"), True),
    Column("event_topic", N_("What it was about. decision: visa, asylum, residence, benefits, fraud, detention, "
                             "other; biometric: fingerprints, face, iris, several; phone: phone, computer, cloud."),
           ("phone", "asylum")),
    Column("country", N_("Country of the authority, as a two-letter code (DE, FR, NL, GB...); EU for the "
                         "European Union's agencies; ZZ for a country outside Europe."), ("DE", "NL"), True),
    Column("system", N_("Optional: the system, by its id in the tool's list (for example eurodac, bamf_phone)."),
           ("bamf_phone", "")),
    Column("authority_id", N_("Optional: the authority, by its id in the tool's list (for example bamf, ind). "
                              "Its name and address are then filled in."), ("bamf", "ind")),
    Column("authority_name", N_("Name of the authority, if it has no id in the list."), ("", "")),
    Column("authority_address", N_("Postal address of the authority (lines separated by line breaks)."), ("", "")),
    Column("authority_email", N_("E-mail address of the authority."), ("", "")),
    Column("event_date", N_("Date of the decision or event (YYYY-MM-DD or DD.MM.YYYY)."), ("2026-09-15", "2026-08-02")),
    Column("event_reference", N_("The authority's reference number for the decision or file."),
           ("7654321-438", "V-2026-11")),
    Column("event_system", N_("Name of the system or database, in words."), ("", "")),
    Column("rights", N_("Rights, separated by semicolons: access, explanation, contestation, human_review, "
                        "rectification, erasure, restriction, objection. Empty: the usual rights for the kind."),
           ("access; erasure; restriction", "access; explanation")),
    Column("details_inaccurate", N_("For a correction: which data are wrong."), ("", "")),
    Column("details_correction", N_("For a correction: what is correct."), ("", "")),
    Column("details_situation", N_("For an objection: why the authority should stop using the data."), ("", "")),
    Column("person_name", N_("Full name of the person, as the authority knows it."),
           ("Amal Example", "Jonas Example"), True),
    Column("person_other_names", N_("Other spellings of the name."), ("Amel Exemple", "")),
    Column("person_birth_date", N_("Date of birth."), ("1994-03-12", "")),
    Column("person_references", N_("The person's reference numbers at the authority."), ("BAMF 7654321-438", "")),
    Column("person_address", N_("Postal address for the answer."), ("Musterweg 1, 10115 Berlin", "")),
    Column("person_email", N_("E-mail address for the answer."), ("", "jonas@example.org")),
    Column("place", N_("Town printed next to the date."), ("Berlin", "Amsterdam")),
    Column("representative_name", N_("Name of the person who sends the letter for the client (the answer goes to "
                                     "them). Empty if the client sends it."), ("Jo Caseworker", "")),
    Column("representative_organisation", N_("Organisation of that person."), ("Refugee Law Clinic", "")),
    Column("representative_address", N_("Their postal address for the answer."), ("Hauptstraße 5, 10117 Berlin", "")),
    Column("representative_email", N_("Their e-mail address for the answer."), ("", "")),
    Column("letter_language", N_("Language of the letter: de, en, es, fr, it or nl. Empty: the language of the "
                                 "authority's country."), ("", "")),
    Column("sheet_language", N_("Language of the explanation sheet: an interface language code (ar, fa, ti, uk...)."),
           ("ar", "ti")),
    Column("sent_on", N_("Date of the first letter. Empty: today."), ("", "2026-10-01")),
    Column("followup_written_on", N_("For a follow-up letter: its date. Empty: today."), ("", "")),
    Column("followup_answer", N_("For a complaint: what the authority did: none, incomplete or refused."), ("", "")),
    Column("followup_answered_on", N_("Date of the authority's answer."), ("", "")),
    Column("followup_answer_reference", N_("Reference of the authority's answer."), ("", "")),
    Column("followup_extension", N_("yes if the authority said it needs more time."), ("", "")),
    Column("followup_missing", N_("What the answer leaves out, separated by semicolons: copy, recipients, source, "
                                  "logic, human_review, legal_basis."), ("", "")),
    Column("followup_keep_identity", N_("yes to ask the data protection authority not to disclose the person's "
                                        "identity to the authority complained about."), ("", "")),
    Column("followup_statement", N_("The person's point of view in their own words."), ("", "")),
)
BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
