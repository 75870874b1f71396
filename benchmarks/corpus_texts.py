"""The words of the import corpus: invented Danish høringssvar text, by topic and stance.

Every sentence here was written for this corpus. Each topic has four "authors" (phrasing
families 0-3) for its headings and for each stance; letters of the tuning half draw only on
families 0 and 1, letters of the held-out half only on 2 and 3, so the test half is never the
same sentences the parser was tuned on. Topic ids are those of the example hearing
(consultations/samarbejdsaftale-psykisk-sygdom/hearing.yaml).
"""

from __future__ import annotations

FAMILIES = {"tune": (0, 1), "test": (2, 3)}

HEADINGS = {
    "tvaerfagligt-samarbejde": [
        "Tværfagligt samarbejde",
        "Samarbejdet på tværs af sektorer",
        "Om ansvarsfordelingen mellem parterne",
        "Samarbejde med almen praksis",
    ],
    "ledsagelse": [
        "Ledsagelse til behandling",
        "Ledsagelse og transport",
        "Afsnit 3.4 om ledsagelse",
        "Hjælp til at komme frem til behandlingen",
    ],
    "ambulant-behandling": [
        "Samarbejde under ambulant behandling",
        "Ambulant behandling",
        "Distriktspsykiatrien",
        "Forløb i ambulant regi",
    ],
    "indlaeggelse-udskrivning": [
        "Indlæggelse og udskrivning",
        "Udskrivning fra psykiatrisk afdeling",
        "Forløb ved indlæggelse",
        "Når borgeren skal hjem",
    ],
    "ventetid": [
        "Orientering, varsling og færdigmelding",
        "Varsling og færdigmelding",
        "Ventetid og akuttilbud",
        "Orientering af kommunen",
    ],
    "udskrivningsmentor": [
        "Udskrivningsmentor",
        "Vedr. udskrivningsmentor",
        "Mentorordningen",
        "Om udskrivningsmentorer",
    ],
    "netvaerksmoeder": [
        "Netværksmøder under indlæggelse",
        "Netværksmøder",
        "Møder med borgerens netværk",
        "Koordinerende indsatsplan og netværksmøder",
    ],
    "hjemloese": [
        "Borgere i hjemløshed",
        "Hjemløse borgere",
        "Borgere uden fast bolig",
        "Afsnit 5 om hjemløshed",
    ],
}

# Short labels for bold-labelled bullet lists ("• Netværksmøder: …"), by family.
LABELS = {
    "tvaerfagligt-samarbejde": [
        "Samarbejde",
        "Ansvarsfordeling",
        "Tværsektorielt samarbejde",
        "Almen praksis",
    ],
    "ledsagelse": ["Ledsagelse", "Transport", "Befordring", "Ledsagelse til behandling"],
    "ambulant-behandling": [
        "Ambulant behandling",
        "Visitation",
        "Distriktspsykiatri",
        "Ambulante forløb",
    ],
    "indlaeggelse-udskrivning": [
        "Udskrivning",
        "Indlæggelse",
        "Udskrivningsmøder",
        "Hjemkomst efter indlæggelse",
    ],
    "ventetid": ["Varsling", "Færdigmelding", "Ventetid", "Orientering"],
    "udskrivningsmentor": [
        "Udskrivningsmentor",
        "Mentorer",
        "Mentorordning",
        "Udskrivningsmentorer",
    ],
    "netvaerksmoeder": [
        "Netværksmøder",
        "Netværksmøde",
        "Møder med netværket",
        "Koordinerende indsatsplan",
    ],
    "hjemloese": ["Hjemløshed", "Herberger", "Boligløse borgere", "Forsorgshjem"],
}

# TEXTS[topic][stance][family]: one or two sentences saying the stance about the topic.
TEXTS = {
    "tvaerfagligt-samarbejde": {
        "positive": [
            "Vi finder det positivt, at aftalen beskriver det tværfaglige samarbejde mellem "
            "region, kommune og almen praksis så konkret.",
            "Det er godt, at ansvarsfordelingen mellem sektorerne nu står klart, og vi støtter "
            "den tværsektorielle tilgang.",
            "Kommunen bakker op om, at samarbejdet med den praktiserende læge får en tydelig "
            "plads i aftalen.",
            "Vi er tilfredse med beskrivelsen af det tværfaglige samarbejde, som svarer godt "
            "til den praksis, vi allerede har.",
        ],
        "concern": [
            "Vi er bekymrede for, at ansvarsfordelingen mellem kommune og region fortsat er "
            "uklar, når borgeren har brug for hjælp fra begge.",
            "Det er et problem, at de praktiserende læger sjældent deltager i det tværfaglige "
            "samarbejde om borgeren.",
            "Vi frygter, at det tværsektorielle samarbejde bliver afhængigt af enkelte "
            "medarbejderes engagement frem for faste aftaler.",
            "Vi savner, at almen praksis forpligtes i samarbejdet; i dag falder borgeren for "
            "ofte mellem to stole.",
        ],
        "proposal": [
            "Vi foreslår, at der udpeges en fast kontaktperson i hver sektor, så samarbejdet "
            "ikke afhænger af tilfældigheder.",
            "Vi anbefaler, at aftalen beskriver ansvarsfordelingen i en oversigt, som alle "
            "parter kan slå op i.",
            "Kommunen opfordrer til, at almen praksis inviteres med i de lokale "
            "samarbejdsfora om borgere med psykisk sygdom.",
            "Det bør fremgå af aftalen, hvem der har ansvaret for at samle trådene i det "
            "tværfaglige samarbejde.",
        ],
    },
    "ledsagelse": {
        "positive": [
            "Vi er glade for, at aftalen tager stilling til ledsagelse af borgere, der ikke "
            "selv kan komme til ambulant behandling.",
            "Det er positivt, at regionen vil se på befordring for borgere med lang transport "
            "til behandlingen.",
            "Vi støtter, at spørgsmålet om ledsagelse nu er beskrevet, så borgeren ved, hvad "
            "der kan tilbydes.",
            "Kommunen hilser det velkomment, at ledsagelse til behandling er blevet en del "
            "af aftalen.",
        ],
        "concern": [
            "Vi er bekymrede for, at kommunen forventes at stå for ledsagelse, uden at der "
            "følger ressourcer med.",
            "Det er et problem, at borgere udebliver fra behandling, fordi ingen kan ledsage dem.",
            "Vi frygter, at uklarheden om, hvem der betaler for transport, vil betyde, at "
            "borgere ikke møder op.",
            "Kommunen har ikke mulighed for at ledsage borgere til alle aftaler, og det giver "
            "en risiko for afbrudte forløb.",
        ],
        "proposal": [
            "Vi foreslår, at regionen tilbyder befordring, når behandlingen ligger langt fra "
            "borgerens bopæl.",
            "Vi anbefaler, at behovet for ledsagelse vurderes allerede ved henvisningen.",
            "Kommunen foreslår, at ledsagelse kan aftales i planen for borgeren, så alle "
            "kender den.",
            "Det bør beskrives, hvilke borgere der har ret til ledsagelse, og hvem der skal "
            "yde den.",
        ],
    },
    "ambulant-behandling": {
        "positive": [
            "Vi ser positivt på, at forventningsafstemning mellem distriktspsykiatrien og "
            "kommunen er skrevet ind i aftalen.",
            "Det er godt, at visitation til kommunale tilbud under ambulant behandling nu er "
            "beskrevet trin for trin.",
            "Kommunen er tilfreds med, at distriktspsykiatrien forpligter sig til at orientere "
            "os, når et ambulant forløb starter.",
            "Vi støtter beskrivelsen af samarbejdet under ambulant behandling, som giver et "
            "godt grundlag for fælles planer.",
        ],
        "concern": [
            "Vi er bekymrede for, at borgeren får stillet ydelser i udsigt i "
            "distriktspsykiatrien, som kommunen ikke har bevilget.",
            "Det er et problem, at kommunens visitation først inddrages, når den ambulante "
            "behandling er afsluttet.",
            "Vi frygter, at ventelisten i distriktspsykiatrien betyder, at kommunen må bære "
            "borgeren alene i lang tid.",
            "Kommunen savner klare regler for, hvordan en bevilling koordineres med det "
            "ambulante forløb.",
        ],
        "proposal": [
            "Vi foreslår, at der holdes et kort opstartsmøde, når et ambulant forløb begynder, "
            "så forventningerne afstemmes.",
            "Vi anbefaler, at distriktspsykiatrien altid kontakter kommunens visitation, før "
            "der lægges en plan for støtte.",
            "Kommunen foreslår en fast telefontid i distriktspsykiatrien for kommunens "
            "medarbejdere.",
            "Det bør fremgå, at bevilling af kommunale ydelser altid sker i kommunen, også "
            "under ambulant behandling.",
        ],
    },
    "indlaeggelse-udskrivning": {
        "positive": [
            "Vi er enige i den beskrevne procedure for indlæggelse og udskrivning og finder "
            "den positiv.",
            "Det er godt, at et udskrivningsmøde nu skal holdes i god tid før udskrivningsdatoen.",
            "Kommunen bakker op om, at sengeafsnittet inddrager kommunen tidligt under "
            "indlæggelsen.",
            "Vi er tilfredse med, at udskrivning først sker, når der er en plan for borgerens "
            "første dage hjemme.",
        ],
        "concern": [
            "Vi oplever ofte, at udskrivningsdatoen meldes sent, og vi er bekymrede for "
            "udskrivning uden et udskrivningsmøde.",
            "Det er et problem, at borgere udskrives fra sengeafsnittet en fredag "
            "eftermiddag uden varsel.",
            "Vi frygter, at korte indlæggelser betyder, at kommunen ikke når at forberede "
            "borgerens hjemkomst.",
            "Kommunen har oplevet udskrivninger, hvor hverken bolig eller medicin var på "
            "plads, og det er vi bekymrede for.",
        ],
        "proposal": [
            "Vi foreslår, at udskrivningsdatoen altid meldes mindst tre hverdage før udskrivning.",
            "Vi anbefaler, at kommunen inviteres til udskrivningsmødet allerede ved indlæggelsen.",
            "Kommunen foreslår, at udskrivning ikke sker i weekender, medmindre borgeren selv "
            "ønsker det.",
            "Det bør stå i aftalen, at sengeafsnittet kontakter kommunen samme dag, som en "
            "indlæggelse sker.",
        ],
    },
    "ventetid": {
        "positive": [
            "Vi finder det positivt, at varsling og færdigmelding nu følger faste frister.",
            "Det er godt, at kommunen får orientering, så snart en borger er færdigmeldt.",
            "Kommunen støtter, at der oprettes et akuttilbud til borgere i ventetiden.",
            "Vi er glade for, at aftalen gør elektronisk orientering til det normale.",
        ],
        "concern": [
            "Vi er bekymrede for ventetiden, hvor borgeren står uden tilbud, og et akuttilbud "
            "mangler.",
            "Det er et problem, at færdigmelding ofte kommer samme dag, som borgeren skal hjem.",
            "Vi frygter, at manglende varsling fører til genindlæggelser, fordi kommunens "
            "tilbud ikke er klar.",
            "Kommunen savner orientering, når en borger venter på behandling og får det værre.",
        ],
        "proposal": [
            "Vi foreslår, at orientering om færdigmelding sker elektronisk og senest dagen før.",
            "Vi anbefaler, at der aftales en fast frist for varsling, som begge parter kan "
            "måles på.",
            "Kommunen foreslår, at regionen opretter et akuttilbud, som borgere kan bruge i "
            "ventetiden.",
            "Det bør fremgå, hvordan kommunen orienteres, hvis ventetiden bliver længere end "
            "lovet.",
        ],
    },
    "udskrivningsmentor": {
        "positive": [
            "Vi hilser udskrivningsmentoren velkommen og finder ordningen positiv.",
            "Det er godt, at borgeren kan få en udskrivningsmentor i overgangen fra hospital "
            "til hjem.",
            "Kommunen ser frem til at samarbejde med mentorerne og støtter ordningen.",
            "Vi er glade for mentorordningen, som kan give borgeren en fast person at holde "
            "sig til.",
        ],
        "concern": [
            "Vi er bekymrede for, hvordan udskrivningsmentorens opgaver afgrænses fra "
            "kommunens støtte.",
            "Det er et problem, at ordningen med udskrivningsmentor kun er finansieret i to år.",
            "Vi frygter, at en mentor uden kendskab til kommunens tilbud kan skabe "
            "forventninger, vi ikke kan indfri.",
            "Kommunen er usikker på, hvem der har ansvaret, når udskrivningsmentoren stopper, "
            "og det bekymrer os.",
        ],
        "proposal": [
            "Vi foreslår, at udskrivningsmentorens opgave beskrives nærmere og evalueres efter "
            "et år.",
            "Vi anbefaler, at mentoren er med til det sidste møde, før borgeren tager hjem.",
            "Kommunen foreslår, at ordningen med mentor udbredes til alle psykiatriske centre.",
            "Det bør aftales, at udskrivningsmentoren overdrager forløbet til kommunen ved en "
            "fælles samtale.",
        ],
    },
    "netvaerksmoeder": {
        "positive": [
            "Vi finder det positivt, at der holdes netværksmøder under indlæggelsen.",
            "Det er godt, at den koordinerende indsatsplan skal drøftes på netværksmødet.",
            "Kommunen støtter, at borgerens netværk inddrages i netværksmøder, mens borgeren "
            "er indlagt.",
            "Vi er glade for, at netværksmøder bliver en fast del af forløbet.",
        ],
        "concern": [
            "Det er ikke realistisk at holde netværksmøder inden for tre dage, og vi er "
            "bekymrede for kvaliteten.",
            "Det er et problem, at netværksmøder ofte indkaldes med så kort varsel, at "
            "kommunen ikke kan deltage.",
            "Vi frygter, at netværksmøderne bliver en formalitet, hvis der ikke følger en plan "
            "med.",
            "Kommunen savner, at pårørende kan deltage i netværksmøderne, og det bekymrer os.",
        ],
        "proposal": [
            "Vi foreslår, at netværksmøder indkaldes skriftligt og med mindst en uges "
            "forberedelse.",
            "Vi anbefaler, at en koordinerende indsatsplan altid følger med indkaldelsen til "
            "netværksmødet.",
            "Kommunen foreslår, at netværksmøder kan holdes som videomøder, når det passer "
            "borgeren.",
            "Det bør beskrives, hvem der indkalder til netværksmødet, og hvem der skriver "
            "referatet.",
        ],
    },
    "hjemloese": {
        "positive": [
            "Vi er glade for, at aftalen har et særskilt afsnit om borgere i hjemløshed.",
            "Det er positivt, at herberger og forsorgshjem nævnes som samarbejdspartnere.",
            "Kommunen støtter, at hjemløse borgere får en plan, før de forlader afdelingen.",
            "Vi er tilfredse med, at aftalen tager hensyn til borgere, der er boligløse.",
        ],
        "concern": [
            "Vi er bekymrede for borgere i hjemløshed, som må forlade afdelingen uden et sted "
            "at bo.",
            "Det er et problem, at forsorgshjem ikke får besked, når en beboer kommer hjem "
            "fra psykiatrien.",
            "Vi frygter, at hjemløse borgere ender på gaden, fordi der ikke er plads på herberget.",
            "Kommunen oplever, at boligløse borgere falder ud af behandlingen, og det bekymrer os.",
        ],
        "proposal": [
            "Vi foreslår, at hjemløse borgere altid får et møde med deltagelse fra herberget, "
            "før de forlader afdelingen.",
            "Vi anbefaler, at der aftales en fast kontakt mellem psykiatrien og kommunens "
            "forsorgshjem.",
            "Kommunen foreslår, at en borger i hjemløshed ikke sendes hjem, før der er fundet "
            "et midlertidigt opholdssted.",
            "Det bør fremgå, hvordan regionen samarbejder med herberger om borgere uden bolig.",
        ],
    },
}

# Sentences without topic or stance, to give sections some body; by split.
NEUTRAL = {
    "tune": [
        "Det gælder særligt for de borgere, som får hjælp fra flere steder på én gang.",
        "Erfaringerne fra det seneste år peger i samme retning.",
        "Medarbejderne i vores bostøtte har bidraget til dette svar.",
    ],
    "test": [
        "Det er vores erfaring fra hverdagen i kommunens socialpsykiatri.",
        "Flere medarbejdere har givet os den samme tilbagemelding.",
        "Bemærkningen bygger på drøftelser i vores lokale styregruppe.",
    ],
}

INTROS = {
    "tune": [
        "{sender} takker for muligheden for at afgive høringssvar til udkastet til "
        "samarbejdsaftalen om voksne med psykisk sygdom.",
        "Vi har læst udkastet til den nye aftale med stor interesse og har følgende bemærkninger.",
    ],
    "test": [
        "Hermed fremsendes bemærkninger fra {sender} til udkast til aftale om indsatsen "
        "for voksne med psykisk sygdom.",
        "Tak for det fremsendte udkast, som vi har drøftet på tværs af vores forvaltninger.",
    ],
}

DEADLINE_SENTENCES = {
    "tune": "Vi har noteret os svarfristen den 21. juni 2019 og sender hermed vores svar.",
    "test": "Høringsfristen er angivet til den 21. juni 2019, og vi svarer inden da.",
}

LIST_INTROS = {
    "tune": "Vi har følgende bemærkninger til udkastet:",
    "test": "Vores bemærkninger kan sammenfattes i disse punkter:",
}

NO_REMARKS = {
    "tune": [
        "{sender} har ingen bemærkninger til udkastet til samarbejdsaftalen.",
        "Vi har gennemgået udkastet og har ingen bemærkninger.",
    ],
    "test": [
        "Vi kan meddele, at {sender} ikke har bemærkninger til det fremsendte udkast.",
        "{sender} har ingen bemærkninger til høringen og takker for muligheden.",
    ],
}

COVER_NOTES = {
    "tune": "Hermed vores høringssvar til udkastet til samarbejdsaftalen. Svaret er vedhæftet "
    "som Word-dokument.",
    "test": "Vedhæftet finder I vores bemærkninger til udkastet. Skriv endelig, hvis "
    "dokumentet ikke kan åbnes.",
}

# Footnote texts, some with a URL.
FOOTNOTES = {
    "tune": [
        "Se Sundhedsstyrelsens anbefalinger på https://www.sst.dk/da/udgivelser",
        "Tallene stammer fra kommunens egen opgørelse for 2018.",
    ],
    "test": [
        "Kilde: opgørelse fra kommunens visitation, første halvår 2019.",
        "Rapporten findes på https://www.regionh.dk/psykiatri/samarbejde",
    ],
}

QUOTES = {
    "tune": "Borgeren skal opleve et sammenhængende forløb, hvor overgangen mellem hospital "
    "og kommune er planlagt i fællesskab, og hvor ingen står alene med ansvaret for "
    "den næste indsats.",
    "test": "Parterne forpligter sig til at udveksle de oplysninger, der er nødvendige for "
    "borgerens videre forløb, og til at gøre det i så god tid, at den modtagende part "
    "kan nå at forberede sig.",
}

# The authority's original letter, quoted below an e-mail reply (never the respondent's).
QUOTED_LETTER = [
    "Region Hovedstaden sender hermed udkast til samarbejdsaftale om voksne med psykisk "
    "sygdom i høring hos kommunerne og de øvrige parter.",
    "Aftalen er udarbejdet af en arbejdsgruppe med deltagelse fra psykiatrien, almen praksis "
    "og kommunerne i planområdet.",
    "Bemærkninger bedes sendt til høringspostkassen senest den 21. juni 2019.",
]

# The draft agreement's own sentences (the authority's text) that a tracked-changes response
# keeps and deletes, per topic; the held-out half has drafts worded otherwise.
DRAFT_KEPT_TEST = {
    "tvaerfagligt-samarbejde": "Aftalen følges op af den fælles styregruppe hvert halve år.",
    "ledsagelse": "Det er borgerens eget ansvar at møde frem til aftalt behandling.",
    "ambulant-behandling": "Behandlingen i distriktspsykiatrien tilrettelægges individuelt.",
    "indlaeggelse-udskrivning": "Sengeafsnittet laver en plan for udskrivningen.",
    "ventetid": "Kommunen får besked, når behandlingen på afdelingen er afsluttet.",
    "udskrivningsmentor": "Mentorordningen er et tilbud til de mest udsatte borgere.",
    "netvaerksmoeder": "Borgeren kan bede om et møde med sit netværk under opholdet.",
    "hjemloese": "Afdelingen kontakter kommunen, hvis borgeren ikke har en bolig.",
}
DRAFT_DELETED_TEST = {
    "tvaerfagligt-samarbejde": "Styregruppen mødes efter behov.",
    "ledsagelse": "Regionen yder ikke ledsagelse.",
    "ambulant-behandling": "Kommunen inddrages efter behov.",
    "indlaeggelse-udskrivning": "Planen sendes ved udskrivningen.",
    "ventetid": "Beskeden kan gives mundtligt.",
    "udskrivningsmentor": "Tilbuddet gælder i seks måneder.",
    "netvaerksmoeder": "Mødet holdes på afdelingen.",
    "hjemloese": "Kontakten sker via borgerens læge.",
}
DRAFT_KEPT = {
    "tvaerfagligt-samarbejde": "Parterne mødes to gange om året for at følge op på aftalen.",
    "ledsagelse": "Borgeren møder som udgangspunkt selv op til behandlingen.",
    "ambulant-behandling": "Distriktspsykiatrien lægger en behandlingsplan for borgeren.",
    "indlaeggelse-udskrivning": "Ved indlæggelse vurderer afdelingen borgerens behov.",
    "ventetid": "Regionen sender besked til kommunen, når borgeren er klar til at komme hjem.",
    "udskrivningsmentor": "Tilbuddet om en mentor gives til borgere med mange indlæggelser.",
    "netvaerksmoeder": "Afdelingen tilbyder borgeren et møde med de vigtigste personer.",
    "hjemloese": "Borgere uden bolig kan henvises til kommunens boligsocialkonsulent.",
}
DRAFT_DELETED = {
    "tvaerfagligt-samarbejde": "Opfølgningen sker på det årlige dialogmøde.",
    "ledsagelse": "Kommunen sørger for ledsagelse, hvis borgeren ønsker det.",
    "ambulant-behandling": "Planen sendes til kommunen, når den er godkendt.",
    "indlaeggelse-udskrivning": "Kommunen orienteres ved udskrivning.",
    "ventetid": "Beskeden gives senest på udskrivningsdagen.",
    "udskrivningsmentor": "Mentoren ansættes i kommunen.",
    "netvaerksmoeder": "Mødet holdes inden for tre hverdage.",
    "hjemloese": "Henvisningen sker efter udskrivning.",
}
