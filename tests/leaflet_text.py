"""The paper leaflet's words, copied from the source text, to check the site against."""

QUESTIONS = [
    "What is the Local Safeguarding Children Board (LSCB)?",
    "What is a Serious Case Review?",
    "Why are you carrying out a Serious Case Review?",
    "Who Will Carry Out the Review?",
    "What Will I / We Have To Do?",
    "Who Will See the Report?",
    "How Long Will the Review Take?",
]

PARAGRAPHS = [
    "The LSCB brings together all the main organisations who work with children and families across "
    "Cambridgeshire and Peterborough, with the aim of ensuring that we work together effectively to keep "
    "children safe.",
    "A Serious Case Review looks at how local professionals and organisations worked to look after the child "
    "or young person at the centre of the Review. A Serious Case Review may also look at how they have "
    "worked with other children and adults in the immediate family.",
    "A Serious Case Review considers what was done, what lessons can be learned for the future and what "
    "changes may need to be made. It is not a Criminal Investigation or Public Enquiry and its aim is not to "
    "blame but to learn from what has happened.",
    "The LSCBs for Cambridgeshire and Peterborough are required to carry out a Serious Case Review when a "
    "child has died, and abuse or neglect is thought to have been a factor. We will also carry out a Serious "
    "Case Review when a child has been seriously harmed and abuse and/or neglect is thought to have been a "
    "factor along with possible issues about how organisations have worked together.",
    "A panel of professionals from Health Services, Children's Services, the Police, Children and Family "
    "Court Advisory Support Service, and sometimes other organisations such as Housing, the NSPCC, are led "
    "by an independent expert in child protection (the 'Chair'). Each agency or organisation will provide "
    "full details of what services they gave you and your family, over a certain period of time. The panel "
    "will meet to review the information and prepare a report.",
    "The aim of this report is to identify whether any lessons can be learned about the way organisations "
    "work together to keep children safe, in order to improve services to children and families.",
    "You do not have to do anything. However, you will be given the opportunity to give your views about "
    "the services you received if you would like to although this sometimes needs to be delayed to take "
    "into account any related coronial or criminal proceedings. We will make sure that there is someone who "
    "can help you to do this (please see back page). We can learn a lot from parents and also from children "
    "and young people who are old enough to contribute.",
    "During the review all the reports are kept confidential to those who represent organisations on the "
    "LSCBs, or have contributed to the review, and the staff within those organisations who worked with the "
    "child and their family. However, sometimes the coroner asks to see reports and to use parts of them "
    "during an inquest.",
    "We are required to produce an Overview Report, which outlines the key findings and recommendations of "
    "the review without giving personal details. This report is fully anonymised and has to be published on "
    "our web site. If there are criminal proceedings these reports are not available until after the end of "
    "the trial.",
    "Your personal contact or the chair of the review will contact you and arrange to give you a copy of the "
    "report if you wish and to discuss what is in the report.",
    "In practice, we have found that it usually takes six to nine months from the event that leads to the "
    "Serious Case Review to publication of the Overview Report.",
    "In this leaflet we have answered some of the most frequently asked questions families have about "
    "Serious Case Reviews. Of course, each case is different and you may have other questions you would "
    "like to ask. Please feel free to ask these or seek further information by contacting the Head of "
    "Service for the Cambridgeshire and Peterborough Local Safeguarding Children Boards:",
    "If you want to know more about Serious Case Reviews, you can look at Working Together to Safeguard "
    "Children, 2015 – Chapter 4, which can be found on the .gov.uk website:",
]

BOLD_TERMS = [
    "LSCB",
    "Serious Case Review",
    "Overview Report",
    "Working Together to Safeguard Children, 2015 – Chapter 4",
]

BOARDS = [
    {
        "name": "Peterborough Safeguarding Children Board",
        "address": ["1st Floor, Bayard Place", "Broadway", "Peterborough", "PE1 1FB"],
        "telephone": "01733 863765",
        "tel_href": "tel:+441733863765",
        "email": "pscb@peterborough.gov.uk",
    },
    {
        "name": "Cambridgeshire Local Safeguarding Children Board",
        "address": ["1st Floor, Bayard Place", "Broadway", "Peterborough", "PE1 1FB"],
        "telephone": "01480 373522",
        "tel_href": "tel:+441480373522",
        "email": "lscb@cambridgeshire.gov.uk",
    },
]
