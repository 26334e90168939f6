"""Plain-language names and explanations shared by the wizard and the companion sheet.

Strings are English gettext message ids marked with ``N_``; callers translate them with
the gettext of the language they write in (the interface or the person's language).
"""
from __future__ import annotations

from .case import N_

# I18N: the four answers to "What happened to you?"
KINDS = {
    "decision": (N_("A decision made by a computer, or with its help"),
                 N_("For example about a visa, asylum, a residence permit, benefits, a fraud flag or detention.")),
    "biometric": (N_("My fingerprints, face or eyes were recorded"),
                  N_("For example fingerprints taken when you arrived or applied for asylum or a visa.")),
    "phone": (N_("My phone or another device was read out"),
              N_("For example an authority took your phone and copied or looked at its data.")),
    "unsure": (N_("I am not sure"),
               N_("You can ask what data the authority has about you. This is always possible.")),
}

TOPICS = {
    "visa": N_("A visa"),
    "asylum": N_("Asylum"),
    "residence": N_("A residence permit"),
    "benefits": N_("Social benefits"),
    "fraud": N_("A fraud flag or fraud risk score"),
    "detention": N_("Detention, or a risk assessment for detention"),
    "other": N_("Something else"),
    "fingerprints": N_("Fingerprints"),
    "face": N_("A photo or scan of my face"),
    "iris": N_("A scan of my eyes (iris)"),
    "several": N_("Several of these"),
    "phone": N_("My mobile phone"),
    "computer": N_("A computer, a USB stick or another data carrier"),
    "cloud": N_("My online accounts (for example e-mail or cloud storage)"),
}

# I18N: each right: a short name, then one plain sentence that says what it gives you.
RIGHTS = {
    "access": (N_("See my data"),
               N_("The authority must tell you what data it has about you, where the data come from and who received them, and give you a copy.")),
    "explanation": (N_("Get an explanation"),
                    N_("The authority must explain how a computer used your data to reach the result, and which data mattered.")),
    "contestation": (N_("Give my view and contest the decision"),
                     N_("You say that you disagree with the decision and ask to explain your side before it is used.")),
    "human_review": (N_("Have a person look at it again"),
                     N_("A member of staff who can change the decision must look at your whole case again.")),
    "rectification": (N_("Correct wrong data"),
                      N_("The authority must correct data about you that are wrong or incomplete.")),
    "erasure": (N_("Delete my data"),
                N_("The authority must delete data it no longer needs or should never have kept.")),
    "restriction": (N_("Stop the use of my data for now"),
                    N_("The authority may keep the data but must not use them while your other requests are checked.")),
    "objection": (N_("Object to the use of my data"),
                  N_("You explain why, in your situation, the authority should stop using your data.")),
}

# I18N: the follow-up letters the person can choose after the first letter: a short name, then
# when to use it.
FOLLOWUPS = {
    "reminder": (N_("A reminder"),
                 N_("The time for the answer has passed and the authority has not answered.")),
    "incomplete": (N_("A letter about an incomplete answer"),
                   N_("The authority answered, but things you asked for are missing. You tick what is missing.")),
    "complaint": (N_("A complaint to the data protection authority"),
                  N_("No answer after a reminder, a refusal, or an answer that is still incomplete. A complaint is free.")),
    "complaint_crpa": (N_("A referral to the CADA (France)"),
                       N_("The administration did not give you the rules of the algorithm within one month. "
                          "You can ask the CADA within two months.")),
    "reconsideration": (N_("A request for a person to review the decision"),
                        N_("A decision was made by a computer and no person looked at your case.")),
}

# I18N: what the authority did with the first letter.
ANSWERS = {
    "none": N_("It has not answered"),
    "incomplete": N_("It answered, but things are missing"),
    "refused": N_("It refused, completely or partly"),
}

# I18N: what an answer can leave out (a checklist).
MISSING = {
    "copy": N_("A copy of my data"),
    "recipients": N_("Who received my data"),
    "source": N_("Where my data came from"),
    "logic": N_("How the computer reached the result, and which data counted"),
    "human_review": N_("An answer to my request for a person to review the decision"),
    "legal_basis": N_("The law the authority relies on to refuse, and its reasons"),
}
