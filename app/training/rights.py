"""Each right explained for trainers and the people they train: what it is, where the GDPR
says it, what to expect, and the usual refusals with the answer to each.

Texts are English gettext message ids (translated in every interface language); the
articles come from the catalogue's GDPR entry, so a page never names an article the
catalogue does not record.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..case import N_
from ..catalogue import load_catalogue


@dataclass(frozen=True)
class Explained:
    """One right, explained."""

    id: str
    what: str
    expect: str
    refusals: tuple[tuple[str, str], ...]

    def articles(self) -> list[str]:
        """The GDPR articles the right rests on (the complaint: Art. 77), from the catalogue."""
        gdpr = load_catalogue().regimes["gdpr"]
        if self.id == "complaint":
            return [gdpr.data["complaint"]["article"]]
        return gdpr.right_articles(self.id)


_ONE_MONTH = N_("The authority must answer within one month of receiving the letter. It may take two more "
                "months if the request is complex, but it must say so, with reasons, within the first month. "
                "The answer is free.")

# I18N: the pages that explain each right (training mode and handouts).
RIGHTS: tuple[Explained, ...] = (
    Explained("access",
              N_("You can ask any authority whether it holds data about you. If it does, it must give you a "
                 "copy, and tell you why it uses the data, where they came from, who received them and how "
                 "long it keeps them."),
              _ONE_MONTH,
              ((N_("“Send us a copy of your passport first.”"),
                N_("The authority may ask for more only if it has reasonable doubts about who you are, and only "
                   "what is needed to remove the doubt.")),
               (N_("“Your request is excessive.”"),
                N_("It is for the authority to show that a request is manifestly unfounded or excessive. You do "
                   "not have to give reasons for asking.")),
               (N_("“A law does not allow us to tell you.”"),
                N_("Ask which law, and which article of it. A restriction must be set by law, and you must still "
                   "receive everything it does not cover.")))),
    Explained("explanation",
              N_("When a computer made or prepared a decision about you, you can ask for meaningful information "
                 "about the logic: which of your data were used, how they counted, and how the result was "
                 "reached."),
              _ONE_MONTH,
              ((N_("“The algorithm is a trade secret.”"),
                N_("Secrets do not allow a refusal of all information. The Court of Justice of the EU has said "
                   "that the authority must then give the information to the data protection authority or to a "
                   "court, which decide what you can see (case C-203/22).")),
               (N_("“A person made the decision, not a computer.”"),
                N_("Ask what the person looked at, and how far they relied on the score. If they relied strongly "
                   "on it, the rules on automated decisions still apply (case C-634/21).")))),
    Explained("contestation",
              N_("After a decision taken by a computer, you can give your side of the story and contest the "
                 "decision. The authority must take what you say into account."),
              N_("Write what is wrong and why, and keep a copy. The authority should answer in writing within one "
                 "month."),
              ((N_("“The decision is final.”"),
                N_("Contesting under data protection law is separate from an appeal. Do both if you can: appeal "
                   "deadlines can be very short, so ask a lawyer quickly.")),)),
    Explained("human_review",
              N_("You can ask that a person with the power to change the decision looks at your whole case "
                 "again, and does not simply confirm what the computer said."),
              N_("Ask for the result in writing, with the name of the service that did the review and what it "
                 "took into account."),
              ((N_("“A person already looked at it.”"),
                N_("Ask what the person looked at and whether they could change the result. A quick confirmation "
                   "is not a real review.")),
               (N_("“The law allows us to decide automatically.”"),
                N_("Ask which law, and which safeguards it gives you. Such a law must protect your rights.")))),
    Explained("rectification",
              N_("If data about you are wrong or incomplete, you can ask the authority to correct or complete "
                 "them."),
              N_("Say exactly what is wrong and what is right, with a document if you have one. The authority "
                 "must answer within one month and tell those who received the wrong data."),
              ((N_("“Our data are correct.”"),
                N_("Ask the authority to restrict the use of the data while it checks, and send what proves the "
                   "correct data. You can also ask it to add your own statement to the file.")),)),
    Explained("erasure",
              N_("You can ask the authority to delete data it no longer needs, or should never have collected or "
                 "kept."),
              _ONE_MONTH,
              ((N_("“The law obliges us to keep the data.”"),
                N_("Ask which law, and for how long. When that time is over, the data must be deleted.")),)),
    Explained("restriction",
              N_("You can ask the authority to keep your data but not use them for now: while it checks whether "
                 "they are correct, while it considers your objection, or when you need them for a legal claim."),
              _ONE_MONTH,
              ((N_("“We cannot stop using the data.”"),
                N_("While the data are restricted, the authority may only store them, unless you agree, or their "
                   "use is needed for a legal claim, to protect another person’s rights or for an important public "
                   "interest. It must tell you before it lifts the restriction.")),)),
    Explained("objection",
              N_("If the authority uses your data for a public task, you can object, saying why, in your own "
                 "situation, it should stop."),
              _ONE_MONTH,
              ((N_("“We have good reasons to continue.”"),
                N_("It is for the authority to show compelling legitimate grounds that outweigh your interests. "
                   "Ask it to say which.")),)),
    Explained("complaint",
              N_("If the authority does not answer, answers only in part, or refuses, you can complain to the data "
                 "protection authority. A complaint is free, and you do not need a lawyer."),
              N_("Send copies of your letter, the proof that you sent it, and every answer. The data protection "
                 "authority must tell you within three months how your complaint is going; if it does not, you "
                 "can go to court."),
              ((N_("“Contact the organisation first.”"),
                N_("Send your request and a reminder first, and keep the proof. Then complain, with these "
                   "documents.")),)),
)
BY_ID = {right.id: right for right in RIGHTS}
