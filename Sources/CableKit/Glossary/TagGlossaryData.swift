// The TAGS glossary that ships with Chancery, read by `TagGlossary.standard` on first use.
//
// One line per code: CODE<TAB>kind<TAB>Name, where kind is a `TagKind` raw value. Lines starting
// with `#` are comments. Sources: the subject and program TAGS of the State Department's TAGS
// handbook (5 FAH-3), the FIPS 10-4 country and area codes, the TAGS-specific geographic codes,
// and the odd codes that occur on real cables (kind `other`; names say "probable" or
// "unidentified" where the meaning is not established). Keep codes unique and upper case;
// `GlossaryTests` checks the file parses cleanly and covers every tag of the sample corpus.

let tagGlossaryTSV = #"""
# ---- Subject TAGS: A (Administration)
AADP	subject	Automated Data Processing
ABLD	subject	Building and Grounds
ABUD	subject	Budget Services and Financial Systems
ACKM	subject	COMSEC Key Management
ACOA	subject	Communication Operations and Administration
ADCO	subject	Diplomatic Courier Operations
ADPM	subject	Diplomatic Pouch and Mail
AEMR	subject	Emergency Planning and Evacuation
AFIN	subject	Financial Management
AFSI	subject	Foreign Service Institute
AFSN	subject	Foreign Service National Personnel
AGAO	subject	General Accounting Office
AINF	subject	Information Management Services
AINR	subject	INR Program Administration
AINT	subject	Internet Administration
ALEO	subject	Low Earth Orbit Satellite Coordination
ALOW	subject	Allowances
AMED	subject	Medical Services
AMGT	subject	Management Operations
AMTC	subject	Telecommunications Equipment Maintenance
ANET	subject	Communications, Circuits, and Networks
AODE	subject	Employees Abroad
AOMS	subject	Office Management Specialist Issues
AORC	subject	International Organizations and Conferences
APCS	subject	Personal Computers
APER	subject	Personnel
ASCH	subject	U.S. Sponsored Schools
ASEC	subject	Security
ASIG	subject	Inspector General Activities
ASUP	subject	Supplies and Equipment
ATRN	subject	Transportation Service
# ---- B (Business Services)
BBSR	subject	Business Services Reporting
BEXP	subject	Trade Expansion and Promotion
BMGT	subject	FCS Management Operations
BTIO	subject	Trade and Investment Opportunities
# ---- C (Consular Affairs)
CASC	subject	Assistance to Citizens
CFED	subject	Federal Agency Services
CJAN	subject	Judicial Assistance and Notarial Services
CLOK	subject	Visa Lookout
CMGT	subject	Consular Administration and Management
CPAS	subject	Passports and Citizenship
CVIS	subject	Visas
# ---- E (Economic Affairs)
EAGR	subject	Agriculture and Forestry
EAID	subject	Foreign Economic Assistance
EAIR	subject	Civil Aviation
ECIN	subject	Economic Integration and Cooperation
ECON	subject	Economic Conditions
ECPS	subject	Communications and Postal Systems
EFIN	subject	Financial and Monetary Affairs
EFIS	subject	Commercial Fishing and Fish Processing
EIND	subject	Industry and Manufacturing
EINT	subject	Economic and Commercial Internet
EINV	subject	Foreign Investments
ELAB	subject	Labor Sector Affairs
ELTN	subject	Land Transportation
EMIN	subject	Minerals and Metals
ENRG	subject	Energy and Power
EPET	subject	Petroleum and Natural Gas
ETRD	subject	Foreign Trade
ETTC	subject	Trade and Technology Controls
EWWT	subject	Waterborne Transportation
# ---- M (Military and Defense Affairs)
MARR	subject	Military and Defense Arrangements
MASS	subject	Military Assistance and Sales
MCAP	subject	Military Capabilities
MNUC	subject	Military Nuclear Applications
MOPS	subject	Military Operations
MEPP	subject	Middle East Peace Process
# ---- O (Operations and Outreach)
OEXC	subject	Educational and Cultural Exchange Operations
OFDP	subject	Foreign Diplomats and Diplomatic Property
OIIP	subject	International Information Programs
OPDC	subject	Diplomatic Correspondence
OPRC	subject	Public Relations and Correspondence
OREP	subject	U.S. Congressional Travel
OTRA	subject	Travel
OVIP	subject	Visits and Travel of Prominent Individuals
# ---- P (Political Affairs)
PARM	subject	Arms Controls and Disarmament
PBTS	subject	National Boundaries, Territories, and Sovereignty
PDIP	subject	Diplomatic and Consular Representation
PGOV	subject	Internal Governmental Affairs
PHSA	subject	High Seas and Law of the Sea
PHUM	subject	Human Rights
PINR	subject	Intelligence
PINS	subject	National Security
PREF	subject	Refugees
PREL	subject	External Political Relations
PROP	subject	Propaganda and Psychological Operations
PTER	subject	Terrorists and Terrorism
# ---- S (Social Affairs)
SCUL	subject	Cultural Affairs
SENV	subject	Environmental Affairs
SMIG	subject	Migration
SNAR	subject	Narcotics
SOCI	subject	Social Conditions
# ---- T (Technology and Science)
TBIO	subject	Biological and Medical Science
TINT	subject	Internet Technology
TNGD	subject	Engineering Research and Development
TPHY	subject	Physical Sciences
TRGY	subject	Energy Technology
TSPA	subject	Space Activities
TSPL	subject	Science and Technology Policy
# ---- K (Program TAGS)
KAWC	program	Atrocities and War Crimes
KBIO	program	Biographic Reporting
KBTR	program	Bioterrorism
KCFE	program	Conventional Armed Forces in Europe (CFE Treaty)
KCIP	program	Critical Infrastructure Protection
KCOR	program	Corruption and Anti-Corruption
KCRM	program	Criminal Activity
KDEM	program	Democratization
KFLU	program	Avian and Pandemic Influenza
KFRD	program	Fraud Prevention (Visa and Passport Fraud)
KGCC	program	Global Climate Change
KGHG	program	Greenhouse Gas Emissions
KGIC	program	Global Initiative to Combat Nuclear Terrorism
KHDP	program	Humanitarian Demining Program
KHIV	program	HIV/AIDS
KHLS	program	Homeland Security
KICC	program	International Criminal Court
KIPR	program	Intellectual Property Rights
KIRF	program	International Religious Freedom
KISL	program	Islamic Affairs
KJUS	program	Administration of Justice
KMCA	program	Millennium Challenge Account
KMDR	program	Media Reaction Reporting
KMPI	program	Middle East Partnership Initiative
KNNP	program	Nuclear Nonproliferation
KOLY	program	Olympics
KPAL	program	Palestinian Affairs
KPAO	program	Public Affairs Office
KPKO	program	Peacekeeping Operations
KPOW	program	Prisoners of War and Missing in Action
KTFN	program	Terrorist Financing
KTIP	program	Trafficking in Persons
KUNR	program	United Nations Reform
KVPR	program	Visas Viper Program
KWBG	program	West Bank and Gaza
KWMN	program	Women's Issues
# ---- Codes seen on real cables whose meaning is not established (kind other; see report)
KACT	other	Arms Control Treaty Implementation (probable)
KAWK	other	Probably a variant of KAWC (Atrocities and War Crimes)
KDRG	other	Unidentified program tag (seen on Guantanamo detainee cables)
KPRP	other	Unidentified program tag
KRAD	other	Radiological Materials (probable)
KSCA	other	Unidentified program tag
KSPR	other	Unidentified program tag (seen on reporting and collection needs cables)
KSUM	other	Summit Meetings (probable)
MPOS	other	Military Posture (probable)
AEC	other	Unidentified tag (seen with export-control tags)
ECUN	other	Probably a slip for EUN (European Union)
ENVR	other	Environment (non-standard; see SENV)
INRA	other	INR (Bureau of Intelligence and Research) distribution tag
INRB	other	INR (Bureau of Intelligence and Research) distribution tag
INRO	other	INR (Bureau of Intelligence and Research) distribution tag
IQ	other	Iraq (non-standard; see IZ)
KR	other	Korea (non-standard; see KS and KN)
MAR	other	Probably a slip for MARR (Military and Defense Arrangements)
MTCRE	other	Missile Technology Control Regime
NPT	other	Treaty on the Non-Proliferation of Nuclear Weapons
OVP	other	Office of the Vice President (probable)
PAK	other	Pakistan (non-standard; see PK)
PINL	other	Unidentified (possibly a slip for PINR or PINS)
PSI	other	Proliferation Security Initiative
PSOE	other	Spanish Socialist Workers' Party
RU	other	Russia (non-standard; see RS)
SYR	other	Syria (non-standard; see SY)
TIP	other	Trafficking in Persons (non-standard; see KTIP)
VN	other	Venezuela (non-standard; see VE)
VZ	other	Venezuela (non-standard; see VE)
# ---- Organizations
ADB	organization	Asian Development Bank
AFDB	organization	African Development Bank
APEC	organization	Asia-Pacific Economic Cooperation
ASEAN	organization	Association of Southeast Asian Nations
CACM	organization	Central American Common Market
CARICOM	organization	Caribbean Community
CDB	organization	Caribbean Development Bank
CDG	organization	Conference on Disarmament (Geneva)
CIA	organization	Central Intelligence Agency
CIS	organization	Commonwealth of Independent States
CSTO	organization	Collective Security Treaty Organization
CTBTO	organization	Comprehensive Nuclear-Test-Ban Treaty Organization
EBRD	organization	European Bank for Reconstruction and Development
ECOWAS	organization	Economic Community of West African States
EFTA	organization	European Free Trade Association
EU	organization	European Union (non-standard; see EUN)
EUN	organization	European Union
FAO	organization	Food and Agriculture Organization
FARC	organization	Revolutionary Armed Forces of Colombia (FARC)
FBI	organization	Federal Bureau of Investigation
FMLN	organization	Farabundo Marti National Liberation Front
G20	organization	Group of Twenty
G8	organization	Group of Eight
GCC	organization	Gulf Cooperation Council
IAEA	organization	International Atomic Energy Agency
IBRD	organization	International Bank for Reconstruction and Development (World Bank)
ICAO	organization	International Civil Aviation Organization
ICC	organization	International Criminal Court
ICJ	organization	International Court of Justice
ICRC	organization	International Committee of the Red Cross
ICTR	organization	International Criminal Tribunal for Rwanda
ICTY	organization	International Criminal Tribunal for the former Yugoslavia
IDB	organization	Inter-American Development Bank
IEA	organization	International Energy Agency
ILO	organization	International Labour Organization
IMF	organization	International Monetary Fund
IMO	organization	International Maritime Organization
INTERPOL	organization	International Criminal Police Organization (Interpol)
IOM	organization	International Organization for Migration
ISAF	organization	International Security Assistance Force
ITU	organization	International Telecommunication Union
KFOR	organization	Kosovo Force
MCC	organization	Millennium Challenge Corporation
MERCOSUR	organization	Southern Common Market (Mercosur)
MINUSTAH	organization	UN Stabilization Mission in Haiti
MONUC	organization	UN Organization Mission in the Democratic Republic of the Congo
MTCR	organization	Missile Technology Control Regime
NAM	organization	Non-Aligned Movement
NATO	organization	North Atlantic Treaty Organization
NSG	organization	Nuclear Suppliers Group
OAS	organization	Organization of American States
OECD	organization	Organisation for Economic Co-operation and Development
OIC	organization	Organization of the Islamic Conference
OPCW	organization	Organisation for the Prohibition of Chemical Weapons
OPEC	organization	Organization of the Petroleum Exporting Countries
OSCE	organization	Organization for Security and Co-operation in Europe
SADC	organization	Southern African Development Community
SCO	organization	Shanghai Cooperation Organisation
UN	organization	United Nations
UNAMA	organization	UN Assistance Mission in Afghanistan
UNAMI	organization	UN Assistance Mission for Iraq
UNDP	organization	UN Development Programme
UNEP	organization	UN Environment Programme
UNESCO	organization	UN Educational, Scientific and Cultural Organization
UNGA	organization	UN General Assembly
UNHCR	organization	UN High Commissioner for Refugees
UNHRC	organization	UN Human Rights Council
UNICEF	organization	UN Children's Fund
UNIFIL	organization	UN Interim Force in Lebanon
UNMIK	organization	UN Interim Administration Mission in Kosovo
UNO	organization	United Nations Organization (non-standard; see UN)
UNSC	organization	UN Security Council
WFP	organization	World Food Programme
WHO	organization	World Health Organization
WIPO	organization	World Intellectual Property Organization
WMO	organization	World Meteorological Organization
WTO	organization	World Trade Organization
WTRO	organization	World Trade Organization
# ---- Regional codes used by TAGS
XA	country	Africa (region)
XF	country	Middle East (region)
XG	country	Europe (region, probable)
XL	country	Caribbean (region)
XM	country	Latin America (region)
ZB	country	Baltic States (region, probable)
ZF	country	Central Africa (region, probable)
ZK	country	Central Asia (region, probable)
ZP	other	Regional code (a Middle East subregion; unidentified)
ZR	other	Regional code (a Middle East subregion; unidentified)
# ---- Countries and areas: FIPS 10-4 codes as TAGS uses them
AA	country	Aruba
AC	country	Antigua and Barbuda
AE	country	United Arab Emirates
AF	country	Afghanistan
AG	country	Algeria
AJ	country	Azerbaijan
AL	country	Albania
AM	country	Armenia
AN	country	Andorra
AO	country	Angola
AQ	country	American Samoa
AR	country	Argentina
AS	country	Australia
AT	country	Ashmore and Cartier Islands
AU	country	Austria
AV	country	Anguilla
AX	country	Akrotiri
AY	country	Antarctica
BA	country	Bahrain
BB	country	Barbados
BC	country	Botswana
BD	country	Bermuda
BE	country	Belgium
BF	country	Bahamas
BG	country	Bangladesh
BH	country	Belize
BK	country	Bosnia and Herzegovina
BL	country	Bolivia
BM	country	Burma
BN	country	Benin
BO	country	Belarus
BP	country	Solomon Islands
BQ	country	Navassa Island
BR	country	Brazil
BS	country	Bassas da India
BT	country	Bhutan
BU	country	Bulgaria
BV	country	Bouvet Island
BX	country	Brunei
BY	country	Burundi
CA	country	Canada
CB	country	Cambodia
CD	country	Chad
CE	country	Sri Lanka
CF	country	Republic of the Congo
CG	country	Democratic Republic of the Congo
CH	country	China
CI	country	Chile
CJ	country	Cayman Islands
CK	country	Cocos (Keeling) Islands
CM	country	Cameroon
CN	country	Comoros
CO	country	Colombia
CQ	country	Northern Mariana Islands
CR	country	Coral Sea Islands
CS	country	Costa Rica
CT	country	Central African Republic
CU	country	Cuba
CV	country	Cape Verde
CW	country	Cook Islands
CY	country	Cyprus
DA	country	Denmark
DJ	country	Djibouti
DO	country	Dominica
DQ	country	Jarvis Island
DR	country	Dominican Republic
DX	country	Dhekelia
EC	country	Ecuador
EG	country	Egypt
EI	country	Ireland
EK	country	Equatorial Guinea
EN	country	Estonia
ER	country	Eritrea
ES	country	El Salvador
ET	country	Ethiopia
EZ	country	Czech Republic
FG	country	French Guiana
FI	country	Finland
FJ	country	Fiji
FK	country	Falkland Islands (Islas Malvinas)
FM	country	Micronesia
FO	country	Faroe Islands
FP	country	French Polynesia
FQ	country	Baker Island
FR	country	France
FS	country	French Southern and Antarctic Lands
GA	country	The Gambia
GB	country	Gabon
GG	country	Georgia
GH	country	Ghana
GI	country	Gibraltar
GJ	country	Grenada
GK	country	Guernsey
GL	country	Greenland
GM	country	Germany
GO	country	Glorioso Islands
GP	country	Guadeloupe
GQ	country	Guam
GR	country	Greece
GT	country	Guatemala
GV	country	Guinea
GY	country	Guyana
GZ	country	Gaza Strip
HA	country	Haiti
HK	country	Hong Kong
HM	country	Heard Island and McDonald Islands
HO	country	Honduras
HQ	country	Howland Island
HR	country	Croatia
HU	country	Hungary
IC	country	Iceland
ID	country	Indonesia
IM	country	Isle of Man
IN	country	India
IO	country	British Indian Ocean Territory
IP	country	Clipperton Island
IR	country	Iran
IS	country	Israel
IT	country	Italy
IV	country	Cote d'Ivoire
IZ	country	Iraq
JA	country	Japan
JE	country	Jersey
JM	country	Jamaica
JN	country	Jan Mayen
JO	country	Jordan
JQ	country	Johnston Atoll
JU	country	Juan de Nova Island
KE	country	Kenya
KG	country	Kyrgyzstan
KN	country	North Korea
KQ	country	Kingman Reef
KS	country	South Korea
KT	country	Christmas Island
KU	country	Kuwait
KV	country	Kosovo
KZ	country	Kazakhstan
LA	country	Laos
LE	country	Lebanon
LG	country	Latvia
LH	country	Lithuania
LI	country	Liberia
LO	country	Slovakia
LQ	country	Palmyra Atoll
LS	country	Liechtenstein
LT	country	Lesotho
LU	country	Luxembourg
LY	country	Libya
MA	country	Madagascar
MB	country	Martinique
MC	country	Macau
MD	country	Moldova
MF	country	Mayotte
MG	country	Mongolia
MH	country	Montserrat
MI	country	Malawi
MJ	country	Montenegro
MK	country	Macedonia
ML	country	Mali
MN	country	Monaco
MO	country	Morocco
MP	country	Mauritius
MQ	country	Midway Islands
MR	country	Mauritania
MT	country	Malta
MU	country	Oman
MV	country	Maldives
MW	country	Montenegro
MX	country	Mexico
MY	country	Malaysia
MZ	country	Mozambique
NC	country	New Caledonia
NE	country	Niue
NF	country	Norfolk Island
NG	country	Niger
NH	country	Vanuatu
NI	country	Nigeria
NL	country	Netherlands
NO	country	Norway
NP	country	Nepal
NR	country	Nauru
NS	country	Suriname
NT	country	Netherlands Antilles
NU	country	Nicaragua
NZ	country	New Zealand
PA	country	Paraguay
PC	country	Pitcairn Islands
PE	country	Peru
PF	country	Paracel Islands
PG	country	Spratly Islands
PK	country	Pakistan
PL	country	Poland
PM	country	Panama
PO	country	Portugal
PP	country	Papua New Guinea
PS	country	Palau
PU	country	Guinea-Bissau
QA	country	Qatar
RE	country	Reunion
RI	country	Serbia
RM	country	Marshall Islands
RN	country	Saint Martin
RO	country	Romania
RP	country	Philippines
RQ	country	Puerto Rico
RS	country	Russia
RW	country	Rwanda
SA	country	Saudi Arabia
SB	country	Saint Pierre and Miquelon
SC	country	Saint Kitts and Nevis
SE	country	Seychelles
SF	country	South Africa
SG	country	Senegal
SH	country	Saint Helena
SI	country	Slovenia
SL	country	Sierra Leone
SM	country	San Marino
SN	country	Singapore
SO	country	Somalia
SP	country	Spain
SR	country	Serbia
ST	country	Saint Lucia
SU	country	Sudan
SV	country	Svalbard
SW	country	Sweden
SX	country	South Georgia and the South Sandwich Islands
SY	country	Syria
SZ	country	Switzerland
TB	country	Saint Barthelemy
TC	country	United Arab Emirates (former code; see AE)
TD	country	Trinidad and Tobago
TE	country	Tromelin Island
TH	country	Thailand
TI	country	Tajikistan
TK	country	Turks and Caicos Islands
TL	country	Tokelau
TN	country	Tonga
TO	country	Togo
TP	country	Sao Tome and Principe
TS	country	Tunisia
TT	country	Timor-Leste
TU	country	Turkey
TV	country	Tuvalu
TW	country	Taiwan
TX	country	Turkmenistan
TZ	country	Tanzania
UG	country	Uganda
UK	country	United Kingdom
UP	country	Ukraine
UR	country	Soviet Union
US	country	United States
UV	country	Burkina Faso
UY	country	Uruguay
UZ	country	Uzbekistan
VC	country	Saint Vincent and the Grenadines
VE	country	Venezuela
VI	country	British Virgin Islands
VM	country	Vietnam
VQ	country	U.S. Virgin Islands
VT	country	Holy See (Vatican City)
WA	country	Namibia
WE	country	West Bank
WF	country	Wallis and Futuna
WI	country	Western Sahara
WQ	country	Wake Island
WS	country	Samoa
WZ	country	Swaziland
YI	country	Serbia and Montenegro (former Yugoslavia)
YM	country	Yemen
YE	other	Yemen (non-standard; see YM)
YO	country	Yugoslavia
ZA	country	Zambia
ZI	country	Zimbabwe
"""#
