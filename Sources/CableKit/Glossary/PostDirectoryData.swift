// The directory of US diplomatic posts that ships with Chancery, read by
// `PostDirectory.standard` on first use.
//
// One line per post: CODE<TAB>kind<TAB>Name<TAB>country code<TAB>sender forms, where
// - CODE is the origin part of a Cablegate reference id (`LAPAZ` in `06LAPAZ886`),
// - kind is embassy, consulate, mission, office (interests sections, REOs, the Iran RPO, AIT)
//   or washington (the Department),
// - Name is the display name WikiLeaks' Cablegate release gives the origin,
// - country code is the TAGS/FIPS code of the host country (empty where none applies),
// - sender forms (`;`-separated, may be empty) are FM-line spellings that the standard forms
//   (`AMEMBASSY <place>`, `AMCONSUL <place>`, `USMISSION <place>`) do not cover.
// Posts that changed their name are separate origins, as in Cablegate (`KIEV` and `KYIV`).

let postDirectoryTSV = #"""
STATE	washington	Secretary of State		SECSTATE WASHDC;SECSTATE;SECSTATE WASHINGTON DC;SECSTATE WASHINGTON
USNATO	mission	Mission USNATO	BE	USMISSION USNATO;USNATO;USNATO BRUSSELS;USMISSION USNATO BRUSSELS
USEUBRUSSELS	mission	USEU Brussels	BE	USEU BRUSSELS;USMISSION USEU BRUSSELS;USEU
UNVIEVIENNA	mission	UNVIE	AU	USMISSION UNVIE VIENNA;UNVIE VIENNA;USMISSION UNVIE;UNVIE
USOSCE	mission	US Mission USOSCE	AU	USMISSION USOSCE;USOSCE
GENEVA	mission	Mission Geneva	SZ	USMISSION GENEVA
USUNNEWYORK	mission	USUN New York	US	USUN NEW YORK;USMISSION USUN NEW YORK;USUN
UNESCOPARISFR	mission	Mission UNESCO	FR	USMISSION UNESCO PARIS;UNESCO PARIS;USMISSION UNESCO
UNROME	mission	Mission UN Rome	IT	USMISSION UN ROME;UN ROME
RPODUBAI	office	Iran RPO Dubai	AE	RPO DUBAI;IRAN RPO DUBAI;AMCONSUL DUBAI RPO
HAVANA	office	US Interests Section Havana	CU	USINT HAVANA
TAIPEI	office	American Institute Taiwan, Taipei	TW	AIT TAIPEI;AMERICAN INSTITUTE TAIWAN TAIPEI
BASRAH	office	REO Basrah	IZ	REO BASRAH
HILLAH	office	REO Hillah	IZ	REO HILLAH
KIRKUK	office	REO Kirkuk	IZ	REO KIRKUK
MOSUL	office	REO Mosul	IZ	REO MOSUL
ABIDJAN	embassy	Embassy Abidjan	IV	
ABUJA	embassy	Embassy Abuja	NI	
ACCRA	embassy	Embassy Accra	GH	
ADDISABABA	embassy	Embassy Addis Ababa	ET	
ANTANANARIVO	embassy	Embassy Antananarivo	MA	
ASMARA	embassy	Embassy Asmara	ER	
BAMAKO	embassy	Embassy Bamako	ML	
BANGUI	embassy	Embassy Bangui	CT	
BANJUL	embassy	Embassy Banjul	GA	
BRAZZAVILLE	embassy	Embassy Brazzaville	CF	
BUJUMBURA	embassy	Embassy Bujumbura	BY	
CONAKRY	embassy	Embassy Conakry	GV	
COTONOU	embassy	Embassy Cotonou	BN	
DAKAR	embassy	Embassy Dakar	SG	
DARESSALAAM	embassy	Embassy Dar Es Salaam	TZ	
DJIBOUTI	embassy	Embassy Djibouti	DJ	
FREETOWN	embassy	Embassy Freetown	SL	
GABORONE	embassy	Embassy Gaborone	BC	
HARARE	embassy	Embassy Harare	ZI	
KAMPALA	embassy	Embassy Kampala	UG	
KHARTOUM	embassy	Embassy Khartoum	SU	
KIGALI	embassy	Embassy Kigali	RW	
KINSHASA	embassy	Embassy Kinshasa	CG	
LIBREVILLE	embassy	Embassy Libreville	GB	
LILONGWE	embassy	Embassy Lilongwe	MI	
LOME	embassy	Embassy Lome	TO	
LUANDA	embassy	Embassy Luanda	AO	
LUSAKA	embassy	Embassy Lusaka	ZA	
MALABO	embassy	Embassy Malabo	EK	
MAPUTO	embassy	Embassy Maputo	MZ	
MASERU	embassy	Embassy Maseru	LT	
MBABANE	embassy	Embassy Mbabane	WZ	
MONROVIA	embassy	Embassy Monrovia	LI	
NAIROBI	embassy	Embassy Nairobi	KE	
NDJAMENA	embassy	Embassy Ndjamena	CD	AMEMBASSY N DJAMENA
NIAMEY	embassy	Embassy Niamey	NG	
NOUAKCHOTT	embassy	Embassy Nouakchott	MR	
OUAGADOUGOU	embassy	Embassy Ouagadougou	UV	
PORTLOUIS	embassy	Embassy Port Louis	MP	
PRAIA	embassy	Embassy Praia	CV	
PRETORIA	embassy	Embassy Pretoria	SF	
WINDHOEK	embassy	Embassy Windhoek	WA	
YAOUNDE	embassy	Embassy Yaounde	CM	
CAPETOWN	consulate	Consulate Cape Town	SF	
DURBAN	consulate	Consulate Durban	SF	
JOHANNESBURG	consulate	Consulate Johannesburg	SF	
LAGOS	consulate	Consulate Lagos	NI	
ABUDHABI	embassy	Embassy Abu Dhabi	AE	
ALGIERS	embassy	Embassy Algiers	AG	
AMMAN	embassy	Embassy Amman	JO	
BAGHDAD	embassy	Embassy Baghdad	IZ	
BEIRUT	embassy	Embassy Beirut	LE	
CAIRO	embassy	Embassy Cairo	EG	
DAMASCUS	embassy	Embassy Damascus	SY	
DOHA	embassy	Embassy Doha	QA	
KUWAIT	embassy	Embassy Kuwait	KU	AMEMBASSY KUWAIT CITY
MANAMA	embassy	Embassy Manama	BA	
MUSCAT	embassy	Embassy Muscat	MU	
RABAT	embassy	Embassy Rabat	MO	
RIYADH	embassy	Embassy Riyadh	SA	
SANAA	embassy	Embassy Sanaa	YM	
TEHRAN	embassy	Embassy Tehran	IR	
TELAVIV	embassy	Embassy Tel Aviv	IS	
TRIPOLI	embassy	Embassy Tripoli	LY	
TUNIS	embassy	Embassy Tunis	TS	
CASABLANCA	consulate	Consulate Casablanca	MO	
DHAHRAN	consulate	Consulate Dhahran	SA	
DUBAI	consulate	Consulate Dubai	AE	
JEDDAH	consulate	Consulate Jeddah	SA	
JERUSALEM	consulate	Consulate Jerusalem		
ALMATY	embassy	Embassy Almaty	KZ	
ASHGABAT	embassy	Embassy Ashgabat	TX	
ASTANA	embassy	Embassy Astana	KZ	
BISHKEK	embassy	Embassy Bishkek	KG	
COLOMBO	embassy	Embassy Colombo	CE	
DHAKA	embassy	Embassy Dhaka	BG	
DUSHANBE	embassy	Embassy Dushanbe	TI	
ISLAMABAD	embassy	Embassy Islamabad	PK	
KABUL	embassy	Embassy Kabul	AF	
KATHMANDU	embassy	Embassy Kathmandu	NP	
NEWDELHI	embassy	Embassy New Delhi	IN	
TASHKENT	embassy	Embassy Tashkent	UZ	
CHENNAI	consulate	Consulate Chennai	IN	
HYDERABAD	consulate	Consulate Hyderabad	IN	
KARACHI	consulate	Consulate Karachi	PK	
KOLKATA	consulate	Consulate Kolkata	IN	
LAHORE	consulate	Consulate Lahore	PK	
MUMBAI	consulate	Consulate Mumbai	IN	
PESHAWAR	consulate	Consulate Peshawar	PK	
APIA	embassy	Embassy Apia	WS	
BANDARSERIBEGAWAN	embassy	Embassy Bandar Seri Begawan	BX	
BANGKOK	embassy	Embassy Bangkok	TH	
BEIJING	embassy	Embassy Beijing	CH	
CANBERRA	embassy	Embassy Canberra	AS	
DILI	embassy	Embassy Dili	TT	
HANOI	embassy	Embassy Hanoi	VM	
JAKARTA	embassy	Embassy Jakarta	ID	
KOLONIA	embassy	Embassy Kolonia	FM	
KOROR	embassy	Embassy Koror	PS	
KUALALUMPUR	embassy	Embassy Kuala Lumpur	MY	
MAJURO	embassy	Embassy Majuro	RM	
MANILA	embassy	Embassy Manila	RP	
PHNOMPENH	embassy	Embassy Phnom Penh	CB	
PORTMORESBY	embassy	Embassy Port Moresby	PP	
RANGOON	embassy	Embassy Rangoon	BM	
SEOUL	embassy	Embassy Seoul	KS	
SINGAPORE	embassy	Embassy Singapore	SN	
SUVA	embassy	Embassy Suva	FJ	
TOKYO	embassy	Embassy Tokyo	JA	
ULAANBAATAR	embassy	Embassy Ulaanbaatar	MG	
VIENTIANE	embassy	Embassy Vientiane	LA	
WELLINGTON	embassy	Embassy Wellington	NZ	
AUCKLAND	consulate	Consulate Auckland	NZ	
CHENGDU	consulate	Consulate Chengdu	CH	
CHIANGMAI	consulate	Consulate Chiang Mai	TH	
FUKUOKA	consulate	Consulate Fukuoka	JA	
GUANGZHOU	consulate	Consulate Guangzhou	CH	
HOCHIMINHCITY	consulate	Consulate Ho Chi Minh City	VM	
HONGKONG	consulate	Consulate Hong Kong	HK	
MELBOURNE	consulate	Consulate Melbourne	AS	
NAGOYA	consulate	Consulate Nagoya	JA	
NAHA	consulate	Consulate Naha	JA	
OSAKAKOBE	consulate	Consulate Osaka Kobe	JA	
PERTH	consulate	Consulate Perth	AS	
SAPPORO	consulate	Consulate Sapporo	JA	
SHANGHAI	consulate	Consulate Shanghai	CH	
SHENYANG	consulate	Consulate Shenyang	CH	
SURABAYA	consulate	Consulate Surabaya	ID	
SYDNEY	consulate	Consulate Sydney	AS	
ANKARA	embassy	Embassy Ankara	TU	
ATHENS	embassy	Embassy Athens	GR	
BAKU	embassy	Embassy Baku	AJ	
BELGRADE	embassy	Embassy Belgrade	SR	
BERLIN	embassy	Embassy Berlin	GM	
BERN	embassy	Embassy Bern	SZ	
BRATISLAVA	embassy	Embassy Bratislava	LO	
BRUSSELS	embassy	Embassy Brussels	BE	
BUCHAREST	embassy	Embassy Bucharest	RO	
BUDAPEST	embassy	Embassy Budapest	HU	
CHISINAU	embassy	Embassy Chisinau	MD	
COPENHAGEN	embassy	Embassy Copenhagen	DA	
DUBLIN	embassy	Embassy Dublin	EI	
HELSINKI	embassy	Embassy Helsinki	FI	
KIEV	embassy	Embassy Kiev	UP	
KYIV	embassy	Embassy Kyiv	UP	
LISBON	embassy	Embassy Lisbon	PO	
LJUBLJANA	embassy	Embassy Ljubljana	SI	
LONDON	embassy	Embassy London	UK	
LUXEMBOURG	embassy	Embassy Luxembourg	LU	
MADRID	embassy	Embassy Madrid	SP	
MINSK	embassy	Embassy Minsk	BO	
MOSCOW	embassy	Embassy Moscow	RS	
NICOSIA	embassy	Embassy Nicosia	CY	
OSLO	embassy	Embassy Oslo	NO	
PARIS	embassy	Embassy Paris	FR	
PODGORICA	embassy	Embassy Podgorica	MW	
PRAGUE	embassy	Embassy Prague	EZ	
PRISTINA	embassy	Embassy Pristina	KV	
REYKJAVIK	embassy	Embassy Reykjavik	IC	
RIGA	embassy	Embassy Riga	LG	
ROME	embassy	Embassy Rome	IT	
SARAJEVO	embassy	Embassy Sarajevo	BK	
SKOPJE	embassy	Embassy Skopje	MK	
SOFIA	embassy	Embassy Sofia	BU	
STOCKHOLM	embassy	Embassy Stockholm	SW	
TALLINN	embassy	Embassy Tallinn	EN	
TBILISI	embassy	Embassy Tbilisi	GG	
THEHAGUE	embassy	Embassy The Hague	NL	
TIRANA	embassy	Embassy Tirana	AL	
VALLETTA	embassy	Embassy Valletta	MT	
VATICAN	embassy	Embassy Vatican	VT	AMEMBASSY VATICAN CITY;AMEMBASSY HOLY SEE
VIENNA	embassy	Embassy Vienna	AU	
VILNIUS	embassy	Embassy Vilnius	LH	
WARSAW	embassy	Embassy Warsaw	PL	
YEREVAN	embassy	Embassy Yerevan	AM	
ZAGREB	embassy	Embassy Zagreb	HR	
ADANA	consulate	Consulate Adana	TU	
AMSTERDAM	consulate	Consulate Amsterdam	NL	
BARCELONA	consulate	Consulate Barcelona	SP	
BELFAST	consulate	Consulate Belfast	UK	
DUSSELDORF	consulate	Consulate Dusseldorf	GM	
EDINBURGH	consulate	Consulate Edinburgh	UK	
FLORENCE	consulate	Consulate Florence	IT	
FRANKFURT	consulate	Consulate Frankfurt	GM	
HAMBURG	consulate	Consulate Hamburg	GM	
ISTANBUL	consulate	Consulate Istanbul	TU	
KRAKOW	consulate	Consulate Krakow	PL	
LEIPZIG	consulate	Consulate Leipzig	GM	
MARSEILLE	consulate	Consulate Marseille	FR	
MILAN	consulate	Consulate Milan	IT	
MUNICH	consulate	Consulate Munich	GM	
NAPLES	consulate	Consulate Naples	IT	
PONTADELGADA	consulate	Consulate Ponta Delgada	PO	
STPETERSBURG	consulate	Consulate St Petersburg	RS	AMCONSUL SAINT PETERSBURG;AMCONSUL ST. PETERSBURG
STRASBOURG	consulate	Consulate Strasbourg	FR	
THESSALONIKI	consulate	Consulate Thessaloniki	GR	
VLADIVOSTOK	consulate	Consulate Vladivostok	RS	
YEKATERINBURG	consulate	Consulate Yekaterinburg	RS	
ASUNCION	embassy	Embassy Asuncion	PA	
BELMOPAN	embassy	Embassy Belmopan	BH	
BOGOTA	embassy	Embassy Bogota	CO	
BRASILIA	embassy	Embassy Brasilia	BR	
BRIDGETOWN	embassy	Embassy Bridgetown	BB	
BUENOSAIRES	embassy	Embassy Buenos Aires	AR	
CARACAS	embassy	Embassy Caracas	VE	
GEORGETOWN	embassy	Embassy Georgetown	GY	
GUATEMALA	embassy	Embassy Guatemala	GT	AMEMBASSY GUATEMALA CITY
KINGSTON	embassy	Embassy Kingston	JM	
LAPAZ	embassy	Embassy La Paz	BL	
LIMA	embassy	Embassy Lima	PE	
MANAGUA	embassy	Embassy Managua	NU	
MEXICO	embassy	Embassy Mexico	MX	AMEMBASSY MEXICO CITY
MONTEVIDEO	embassy	Embassy Montevideo	UY	
NASSAU	embassy	Embassy Nassau	BF	
OTTAWA	embassy	Embassy Ottawa	CA	
PANAMA	embassy	Embassy Panama	PM	AMEMBASSY PANAMA CITY
PARAMARIBO	embassy	Embassy Paramaribo	NS	
PORTAUPRINCE	embassy	Embassy Port Au Prince	HA	
PORTOFSPAIN	embassy	Embassy Port Of Spain	TD	
QUITO	embassy	Embassy Quito	EC	
SANJOSE	embassy	Embassy San Jose	CS	
SANSALVADOR	embassy	Embassy San Salvador	ES	
SANTIAGO	embassy	Embassy Santiago	CI	
SANTODOMINGO	embassy	Embassy Santo Domingo	DR	
TEGUCIGALPA	embassy	Embassy Tegucigalpa	HO	
CALGARY	consulate	Consulate Calgary	CA	
CIUDADJUAREZ	consulate	Consulate Ciudad Juarez	MX	
CURACAO	consulate	Consulate Curacao	NT	
GUADALAJARA	consulate	Consulate Guadalajara	MX	
GUAYAQUIL	consulate	Consulate Guayaquil	EC	
HALIFAX	consulate	Consulate Halifax	CA	
HAMILTON	consulate	Consulate Hamilton	BD	
HERMOSILLO	consulate	Consulate Hermosillo	MX	
MATAMOROS	consulate	Consulate Matamoros	MX	
MERIDA	consulate	Consulate Merida	MX	
MONTERREY	consulate	Consulate Monterrey	MX	
MONTREAL	consulate	Consulate Montreal	CA	
NOGALES	consulate	Consulate Nogales	MX	
NUEVOLAREDO	consulate	Consulate Nuevo Laredo	MX	
QUEBEC	consulate	Consulate Quebec	CA	
RECIFE	consulate	Consulate Recife	BR	
RIODEJANEIRO	consulate	Consulate Rio De Janeiro	BR	
SAOPAULO	consulate	Consulate Sao Paulo	BR	
TIJUANA	consulate	Consulate Tijuana	MX	
TORONTO	consulate	Consulate Toronto	CA	
VANCOUVER	consulate	Consulate Vancouver	CA	
"""#
