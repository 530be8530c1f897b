"""Fixed lists the demo draws people from: names, ethnicities, universities and agencies.

Everything here is fictional or generic. Lists are tuples, never sets, so that a seeded draw
picks the same item on every machine.
"""

# CSWW ethnicity codes and their shares among a southern English county's children's social
# workers: DfE's 2019-2022 workforce figures put about three in four White, one in eight Black,
# and the rest Asian, mixed and other; a shire county sits whiter than England as a whole.
ETHNICITY_SHARES: tuple[tuple[str, float], ...] = (
    ("WBRI", 0.720), ("WIRI", 0.015), ("WOTH", 0.050), ("MWBC", 0.012), ("MWBA", 0.008),
    ("MWAS", 0.008), ("MOTH", 0.007), ("AIND", 0.018), ("APKN", 0.010), ("ABAN", 0.004),
    ("AOTH", 0.008), ("BCRB", 0.018), ("BAFR", 0.055), ("BOTH", 0.005), ("CHNE", 0.003),
    ("OOTH", 0.007), ("REFU", 0.020), ("NOBT", 0.032),
)
# Overseas recruits: councils recruited mainly from Zimbabwe, South Africa, Nigeria, India
# and the USA.
OVERSEAS_ETHNICITY_SHARES: tuple[tuple[str, float], ...] = (
    ("BAFR", 0.55), ("WOTH", 0.22), ("AIND", 0.15), ("OOTH", 0.05), ("NOBT", 0.03),
)

# (code, share) of gender: most children's social workers are women.
GENDER_SHARES: tuple[tuple[int, float], ...] = ((2, 0.84), (1, 0.15), (9, 0.01))

BRITISH_WOMEN = (
    "Sarah", "Emma", "Laura", "Rebecca", "Hannah", "Charlotte", "Sophie", "Amy", "Rachel",
    "Claire", "Jessica", "Lucy", "Katie", "Gemma", "Natalie", "Victoria", "Helen", "Joanne",
    "Nicola", "Kelly", "Louise", "Amanda", "Lisa", "Michelle", "Kirsty", "Zoe", "Jade", "Chloe",
    "Megan", "Bethany", "Holly", "Eleanor", "Abigail", "Georgia", "Lauren", "Jennifer",
    "Samantha", "Stephanie", "Danielle", "Fiona", "Karen", "Alison", "Julie", "Tracey",
    "Deborah", "Siobhan", "Naomi", "Harriet", "Imogen", "Phoebe", "Ellie", "Jasmine",
)
BRITISH_MEN = (
    "James", "Daniel", "Thomas", "Matthew", "David", "Christopher", "Andrew", "Mark", "Paul",
    "Richard", "Robert", "Michael", "Benjamin", "Samuel", "Joseph", "Luke", "Adam", "Ryan",
    "Jonathan", "Simon", "Stephen", "Gareth", "Owen", "Liam", "Sean", "Patrick", "Nathan",
)
BRITISH_SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "Harris", "Lewis", "Martin", "Cooper", "King", "Baker", "Hill",
    "Turner", "Moore", "Ward", "Hughes", "Edwards", "Collins", "Stewart", "Morris", "Carter",
    "Phillips", "Mitchell", "Parker", "Bennett", "Cook", "Bailey", "Bell", "Price", "Marshall",
    "Gray", "Webb", "Palmer", "Mills", "Barnes", "Knight", "Fisher", "Russell", "Holmes",
    "Ellis", "Fletcher", "Chapman", "Hunt", "Dawson", "Grant", "Murphy", "Kelly", "Byrne",
    "Doyle", "Walsh", "Henchard", "Oak", "Everdene", "Yeobright", "Venn", "Durbeyfield",
)
EUROPEAN_WOMEN = ("Agnieszka", "Katarzyna", "Ana", "Ioana", "Elena", "Maria", "Marta", "Ewa")
EUROPEAN_MEN = ("Tomasz", "Piotr", "Andrei", "Marek", "Lukas", "Mateusz")
EUROPEAN_SURNAMES = ("Nowak", "Kowalska", "Popescu", "Ionescu", "Novak", "Horvath", "Silva",
                     "Costa", "Wiśniewska", "Kovács")
AFRICAN_WOMEN = ("Chipo", "Tendai", "Rutendo", "Adaeze", "Ngozi", "Funmilayo", "Abena",
                 "Akosua", "Thandiwe", "Nomvula", "Grace", "Blessing", "Precious", "Faith",
                 "Esther", "Ruvimbo", "Nyasha", "Chiamaka")
AFRICAN_MEN = ("Tinashe", "Tatenda", "Chukwuemeka", "Oluwaseun", "Kwame", "Kofi", "Sipho",
               "Emmanuel", "Farai", "Tafadzwa")
AFRICAN_SURNAMES = ("Moyo", "Ncube", "Dube", "Chikwanha", "Mutasa", "Okafor", "Adeyemi",
                    "Okonkwo", "Mensah", "Asante", "Boateng", "Nkosi", "Dlamini", "Banda",
                    "Phiri", "Mwangi", "Sibanda", "Mahlangu")
CARIBBEAN_SURNAMES = ("Campbell", "Francis", "Henry", "Samuels", "Reid", "Richards",
                      "Morgan", "Thomas", "Gordon", "Clarke")
INDIAN_WOMEN = ("Priya", "Anjali", "Deepa", "Kavita", "Sunita", "Neha", "Pooja", "Meera")
INDIAN_MEN = ("Rahul", "Sanjay", "Arjun", "Vikram", "Amit", "Harpreet")
INDIAN_SURNAMES = ("Patel", "Sharma", "Singh", "Gupta", "Shah", "Mistry", "Nair", "Kaur")
MUSLIM_WOMEN = ("Ayesha", "Fatima", "Sana", "Nadia", "Shazia", "Rukhsana", "Taslima", "Amina")
MUSLIM_MEN = ("Imran", "Asif", "Kamran", "Abdul", "Rizwan", "Tariq")
MUSLIM_SURNAMES = ("Khan", "Hussain", "Ahmed", "Ali", "Begum", "Rahman", "Iqbal",
                   "Chowdhury", "Akhtar", "Mahmood")
CHINESE_WOMEN = ("Mei", "Jing", "Xin", "Yan")
CHINESE_MEN = ("Wei", "Jun", "Hao")
CHINESE_SURNAMES = ("Chen", "Wang", "Li", "Zhang", "Wong", "Lam")

# ethnicity group -> (women's first names, men's first names, surnames)
NAMES_BY_GROUP: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "british": (BRITISH_WOMEN, BRITISH_MEN, BRITISH_SURNAMES),
    "european": (EUROPEAN_WOMEN, EUROPEAN_MEN, EUROPEAN_SURNAMES),
    "african": (AFRICAN_WOMEN, AFRICAN_MEN, AFRICAN_SURNAMES),
    "caribbean": (BRITISH_WOMEN, BRITISH_MEN, CARIBBEAN_SURNAMES),
    "indian": (INDIAN_WOMEN, INDIAN_MEN, INDIAN_SURNAMES),
    "muslim": (MUSLIM_WOMEN, MUSLIM_MEN, MUSLIM_SURNAMES),
    "chinese": (CHINESE_WOMEN, CHINESE_MEN, CHINESE_SURNAMES),
}
GROUP_BY_ETHNICITY = {
    "WOTH": "european", "BAFR": "african", "BCRB": "caribbean", "BOTH": "caribbean",
    "MWBC": "caribbean", "AIND": "indian", "AOTH": "indian", "APKN": "muslim",
    "ABAN": "muslim", "CHNE": "chinese",
}  # every other code takes British names

UK_UNIVERSITIES = (
    "Bournemouth University", "University of Southampton", "University of Portsmouth",
    "University of Winchester", "Solent University", "University of Chichester",
    "University of Plymouth", "Bath Spa University", "University of the West of England",
    "University of Brighton", "University of Sussex", "Oxford Brookes University",
    "Royal Holloway, University of London", "Open University", "University of Bristol",
    "Cardiff University", "University of Birmingham", "Goldsmiths, University of London",
)
OVERSEAS_UNIVERSITIES = (
    "University of Zimbabwe", "University of Johannesburg", "University of the Witwatersrand",
    "University of Lagos", "University of Kerala", "University of Pretoria",
    "Midlands State University", "University of Cape Town",
)

# Fictional agencies; the first supplies most workers, as a managed-service vendor would.
AGENCIES: tuple[tuple[str, float], ...] = (
    ("Wessex Social Care Recruitment", 0.34), ("Meridian Social Work Solutions", 0.22),
    ("Kingfisher Locums", 0.16), ("Harbour Professional Staffing", 0.12),
    ("Beacon Social Work Agency", 0.10), ("Northgate Care Personnel", 0.06),
)
