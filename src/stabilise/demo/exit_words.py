"""What the demo council's leavers say in their exit interviews, and who they go to.

All fictional: the councils are Thomas Hardy's Wessex (as the teams are), the agencies those of
`names.AGENCIES`, the HR advisers made up. A comment is a sentence for the leaver's main theme,
sometimes followed by one for another theme they gave; `{cases}`, `{employer}`, `{years}` and
`{team}` are filled from what happened to them (a caseload is quoted only when it is a big one;
`{employer}` is "they" when not known). Lists are tuples so a seeded draw is stable.
"""

HR_ADVISERS = ("Jo Weatherbury", "Sam Mellstock", "Ruth Budmouth", "Alex Shottsford")

# Councils near Wessex that social workers move to, with how often (Northshire's pay rise is
# the story's, story.PAY_RISES).
OTHER_COUNCILS: tuple[tuple[str, float], ...] = (
    ("Upper Wessex County Council", 0.28), ("Mid Wessex Council", 0.24),
    ("Outer Wessex County Council", 0.18), ("Lower Wessex County Council", 0.14),
    ("Christminster City Council", 0.08), ("Northshire County Council", 0.08),
)
# Other social work employers (destination 4) and other social care (destination 5).
NON_LA_SOCIAL_WORK = ("Adopt Wessex", "Wessex Fostering Partnership", "Casterbridge Youth Trust",
                      "Stour Valley Family Therapy")
OTHER_SOCIAL_CARE = ("Wessex Health and Care NHS Trust", "Budmouth Care Homes",
                     "Wessex County Council adult social care")

SAYS: dict[str, tuple[str, ...]] = {
    "Caseload": (
        "I was holding {cases} children by the end and could not see any of them as often as "
        "they needed.",
        "My caseload never came down: {cases} families, and every week another one.",
        "With {cases} cases I was firefighting, not doing social work.",
        "I could never get on top of my cases; there was always another one coming in.",
        "The work kept coming and nobody asked how much I was carrying.",
    ),
    "Working hours": (
        "I was writing up assessments most evenings and at weekends.",
        "The hours were not sustainable with a young family.",
        "Duty weeks meant twelve-hour days and nobody noticed.",
    ),
    "Supervision and support": (
        "Supervision kept being cancelled, and when it happened it was only case direction.",
        "After the ASYE year the support just stopped; I felt on my own with complex cases.",
        "I needed more time with my manager than the team could give.",
    ),
    "Management": (
        "We had three managers in a year and each changed the way we worked.",
        "Senior managers did not seem to know what the front line was like.",
    ),
    "Pay": (
        "{employer} are paying about £4,000 more for the same job.",
        "The pay here has not kept up with the councils around us.",
        "I could not turn down the salary {employer} offered.",
        "I have a mortgage and two children; the extra money at {employer} makes the difference.",
        "Honestly, it is the money. {employer} pay more and several of us have gone.",
    ),
    "Agency pay": (
        "Locum work pays nearly twice as much an hour, and I choose where I work.",
        "The agency rate clears my mortgage; the permanent salary did not.",
        "I can earn more through the agency and take breaks between contracts.",
    ),
    "Progression": (
        "There was no senior practitioner post coming up here; {employer} offered me one.",
        "I want to move towards management and could not see a route in {team}.",
        "I have done the ASYE and my first year; I want to specialise.",
    ),
    "Training": (
        "I asked twice for the practice educator course and it never happened.",
        "There was no time to go on the training we were offered.",
    ),
    "Office and equipment": (
        "Working from the kitchen table with an old laptop wore me down.",
        "Hot-desking meant I never sat with my own team.",
    ),
    "IT and case recording": (
        "The new case recording system doubled the time I spent typing.",
        "I spent more time fighting the recording system than with children.",
    ),
    "Travel and geography": (
        "The new job is twenty minutes from home instead of an hour each way.",
        "Driving across the county for every visit was too much.",
        "I am moving closer to family and the new job is on the doorstep.",
    ),
    "Wellbeing and stress": (
        "I was off sick with stress and could not face coming back to the same pressure.",
        "The job was affecting my health and my family noticed before I did.",
        "I am exhausted and need to step away for a while.",
    ),
    "Personal or family": (
        "My partner's job is moving and we are going with it.",
        "I am caring for a parent and need to be nearer home.",
        "Family reasons; nothing the council could have done.",
    ),
    "Retirement": (
        "After {years} years in social work it is time. I will miss the team.",
        "I am retiring; I might come back for the odd piece of locum work.",
        "Retiring after {years} years. Look after the new ones.",
    ),
    "Different kind of work": (
        "I want to try a different kind of work with children, away from statutory duties.",
        "I am leaving social work for a while to retrain.",
        "A therapeutic role suits me better than child protection.",
    ),
}
FIXED_TERM_ENDED = (
    "My contract came to an end. I had hoped it would be made permanent.",
    "The fixed-term post finished; I enjoyed the team.",
)
