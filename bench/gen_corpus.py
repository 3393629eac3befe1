#!/usr/bin/env python3
"""Writes a synthetic news corpus as JSON lines, in English and Indonesian, of any size.

Every document is a news story built from our own templates and word lists: a dateline,
a lead that usually carries a codeable event ("Russia accused Ukraine ...", "Indonesia
dan Malaysia sepakat ..."), then paragraphs where event sentences are a minority among
event-free ones (quotes, sport, prices, weather, background), as in real news, and now
and then a spam trailer ("Toto SGP") that the coder must drop.

  bench/gen_corpus.py --size 100M -o corpus.jsonl        # about 100 MB
  bench/gen_corpus.py --docs 1000 --lang id              # 1000 Indonesian documents
  bench/gen_corpus.py --size 1G | gzip > corpus.jsonl.gz

Deterministic for a given --seed. Standard library only.
"""
import argparse
import datetime
import json
import random
import sys

# --- English -------------------------------------------------------------------------
EN_COUNTRIES = ["Russia", "Ukraine", "China", "Japan", "Indonesia", "Malaysia", "Australia",
                "Iran", "Israel", "France", "Germany", "India", "Pakistan", "Turkey", "Syria",
                "Iraq", "Egypt", "Brazil", "the United States", "South Korea", "North Korea",
                "Vietnam", "the Philippines", "Thailand", "Saudi Arabia", "Britain"]
EN_DEMONYMS = {"Russia": "Russian", "Ukraine": "Ukrainian", "China": "Chinese", "Japan": "Japanese",
               "Indonesia": "Indonesian", "Malaysia": "Malaysian", "Australia": "Australian",
               "Iran": "Iranian", "Israel": "Israeli", "France": "French", "Germany": "German",
               "India": "Indian", "Pakistan": "Pakistani", "Turkey": "Turkish", "Syria": "Syrian",
               "Iraq": "Iraqi", "Egypt": "Egyptian", "Brazil": "Brazilian"}
EN_LEADERS = ["Russian President Vladimir Putin", "Secretary of State John Kerry",
              "President Joko Widodo", "Chinese President Xi Jinping", "Barack Obama",
              "Russian Foreign Minister Sergey Lavrov", "German Chancellor Angela Merkel",
              "Indonesian Foreign Minister Retno Marsudi", "Prime Minister Najib Razak",
              "Iranian President Hassan Rouhani", "Prime Minister Tony Abbott"]
EN_ORGS = ["the United Nations", "the European Union", "NATO", "ASEAN", "Hamas", "the Taliban",
           "the Islamic State", "Boko Haram", "the World Bank"]
EN_AGENTS = ["troops", "police", "forces", "officials", "diplomats", "the government",
             "the army", "rebels", "protesters"]
EN_PLACES = ["Jakarta", "Paris", "Geneva", "Moscow", "Beijing", "Kiev", "Baghdad", "Damascus",
             "Tokyo", "Canberra", "Kuala Lumpur", "Tehran", "Cairo", "New Delhi", "Brussels"]
EN_DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
           "on Saturday", "on Sunday", "last week", "yesterday", "earlier this month"]
EN_EVENTS = [
    "{S} accused {T} of violating the ceasefire {D}.",
    "{S} {D} accused {T} of sending weapons across the border.",
    "{S} and {T} pledged {D} to renew cooperation on security.",
    "{S} and {T} agreed to expand maritime cooperation.",
    "{L} met {T2} in {P} {D}.",
    "{L} will hold talks with {T2} in {P}.",
    "{S} condemned the attack on {T} {D}.",
    "{S} expressed concern about the violence in {T}.",
    "{S} imposed sanctions on {T} {D}.",
    "{S} withdrew troops from the border with {T}.",
    "{DEM} troops attacked positions in {T} {D}.",
    "{S} recalled its ambassador from {T} {D}.",
    "{L} visited {T} {D}.",
    "{S} threatened to cut ties with {T}.",
    "{S} denied any involvement in the downing of the airliner.",
    "{S} called on {T} to release the detained sailors.",
    "{S} provided weapons and equipment to the army of {T}.",
    "{S} demanded that {T} stop the shelling.",
    "{L} praised {T} for its role in the peace talks.",
    "{S} expelled diplomats from {T} {D}.",
    "{S} rejected the proposal from {T}.",
    "{S} supported {T} at the United Nations.",
    "{ORG} claimed responsibility for the bombing in {P}.",
    "{S} arrested two citizens of {T} in {P} {D}.",
]
EN_FREE = [
    "Prices of rice rose by three percent in the capital {D}.",
    "The national football team won its match 2-1 {D}.",
    "Heavy rain caused flooding in several districts of {P}.",
    "The central bank kept its benchmark interest rate unchanged.",
    "\"We are watching the situation closely,\" a spokesman told reporters.",
    "Thousands of people attended the music festival in {P} {D}.",
    "The company reported a sharp rise in quarterly profits.",
    "Traffic was heavy on the main roads ahead of the holiday.",
    "The stock market closed slightly higher {D}.",
    "Officials said the investigation was still under way.",
    "The new airport terminal is expected to open next year.",
    "Analysts said the economy would grow by about five percent.",
    "The ministry did not give further details.",
    "Schools in the area will reopen next week.",
    "The report was published on the ministry's website.",
    "Local residents said they had heard loud noises during the night.",
    "The weather agency forecast more rain for the coming days.",
    "The film won two awards at the festival.",
    "The talks are expected to continue {D}.",
    "Fuel prices have fallen for the third month in a row.",
]

# --- Indonesian ----------------------------------------------------------------------
ID_COUNTRIES = ["Rusia", "Ukraina", "China", "Jepang", "Indonesia", "Malaysia", "Australia",
                "Iran", "Israel", "Prancis", "Jerman", "India", "Pakistan", "Turki", "Suriah",
                "Irak", "Mesir", "Brasil", "Amerika Serikat", "Korea Selatan", "Korea Utara",
                "Vietnam", "Filipina", "Thailand", "Arab Saudi", "Inggris", "Singapura"]
ID_LEADERS = ["Presiden Rusia Vladimir Putin", "Menteri Luar Negeri AS John Kerry",
              "Presiden Joko Widodo", "Presiden China Xi Jinping", "Barack Obama",
              "Menteri Luar Negeri Rusia Sergey Lavrov", "Kanselir Jerman Angela Merkel",
              "Menteri Luar Negeri Retno Marsudi", "Perdana Menteri Malaysia Najib Razak",
              "Presiden Iran Hassan Rouhani", "Perdana Menteri Australia Tony Abbott"]
ID_ORGS = ["PBB", "Uni Eropa", "NATO", "ASEAN", "Hamas", "Taliban", "Boko Haram", "Abu Sayyaf"]
ID_PLACES = ["Jakarta", "Paris", "Jenewa", "Moskow", "Beijing", "Kiev", "Baghdad", "Damaskus",
             "Tokyo", "Canberra", "Kuala Lumpur", "Teheran", "Kairo", "Surabaya", "Brussel"]
ID_DAYS = ["pada Senin", "pada Selasa", "pada Rabu", "pada Kamis", "pada Jumat", "pada Sabtu",
           "pada Minggu", "pekan lalu", "kemarin", "awal bulan ini"]
ID_EVENTS = [
    "{S} {D} menuduh {T} melanggar gencatan senjata.",
    "{S} menuduh {T} mengirim senjata melintasi perbatasan.",
    "{S} dan {T} {D} berjanji untuk memperbarui kerja sama keamanan.",
    "{S} dan {T} sepakat meningkatkan kerja sama maritim.",
    "{L} bertemu {T2} di {P} {D}.",
    "{L} akan melakukan pembicaraan dengan {T2} di {P}.",
    "{S} mengecam serangan terhadap {T} {D}.",
    "{S} menyatakan keprihatinan atas kekerasan di {T}.",
    "{S} menjatuhkan sanksi terhadap {T} {D}.",
    "{S} menarik pasukan dari perbatasan {T}.",
    "Pasukan {S} menyerang posisi tentara {T} {D}.",
    "{S} memanggil pulang duta besarnya dari {T} {D}.",
    "{L} mengunjungi {T} {D}.",
    "{S} mengancam akan memutuskan hubungan dengan {T}.",
    "{S} membantah terlibat dalam penembakan pesawat itu.",
    "{S} mendesak {T} membebaskan para nelayan yang ditahan.",
    "{S} menyediakan senjata dan peralatan untuk tentara {T}.",
    "{L} memuji {T} atas perannya dalam perundingan damai.",
    "{S} mengusir diplomat {T} {D}.",
    "{S} menolak usulan {T}.",
    "{S} mendukung {T} dalam sidang PBB.",
    "{ORG} mengaku bertanggung jawab atas serangan bom di {P}.",
    "Polisi {S} menangkap dua warga {T} di {P} {D}.",
    "{S} merebut dan mencaplok wilayah {T} pada 2014.",
]
ID_FREE = [
    "Harga beras naik tiga persen di ibu kota {D}.",
    "Tim nasional sepak bola menang 2-1 {D}.",
    "Hujan deras menyebabkan banjir di beberapa kecamatan di {P}.",
    "Bank sentral mempertahankan suku bunga acuan.",
    "\"Kami terus memantau situasi,\" kata seorang juru bicara kepada wartawan.",
    "Ribuan orang menghadiri festival musik di {P} {D}.",
    "Perusahaan itu melaporkan kenaikan laba yang tajam.",
    "Lalu lintas padat di jalan-jalan utama menjelang libur panjang.",
    "Indeks harga saham ditutup sedikit menguat {D}.",
    "Petugas mengatakan penyelidikan masih berlangsung.",
    "Terminal baru bandara diperkirakan mulai beroperasi tahun depan.",
    "Para ekonom memperkirakan ekonomi tumbuh sekitar lima persen.",
    "Kementerian tidak memberikan keterangan lebih lanjut.",
    "Sekolah di daerah itu akan dibuka kembali pekan depan.",
    "Laporan itu diterbitkan di situs web kementerian.",
    "Warga setempat mengaku mendengar suara keras pada malam hari.",
    "BMKG memperkirakan hujan masih akan turun dalam beberapa hari ke depan.",
    "Film tersebut meraih dua penghargaan dalam festival itu.",
    "Perundingan diperkirakan berlanjut {D}.",
    "Harga bahan bakar turun untuk bulan ketiga berturut-turut.",
]
SPAM = ["Toto SGP", "Togel Hongkong", "Slot Gacor", "Bandar Togel"]

LANGS = {
    "en": dict(countries=EN_COUNTRIES, leaders=EN_LEADERS, orgs=EN_ORGS, places=EN_PLACES,
               days=EN_DAYS, events=EN_EVENTS, free=EN_FREE),
    "id": dict(countries=ID_COUNTRIES, leaders=ID_LEADERS, orgs=ID_ORGS, places=ID_PLACES,
               days=ID_DAYS, events=ID_EVENTS, free=ID_FREE),
}


def fill(rng, template, w):
    s = rng.choice(w["countries"])
    t = rng.choice([c for c in w["countries"] if c != s])
    dem = EN_DEMONYMS.get(s, "Russian")
    out = template.format(S=s, T=t, T2=rng.choice(w["leaders"] + w["countries"]),
                          L=rng.choice(w["leaders"]), ORG=rng.choice(w["orgs"]),
                          P=rng.choice(w["places"]), D=rng.choice(w["days"]), DEM=dem)
    return out[0].upper() + out[1:]


def document(rng, n, lang, event_share):
    w = LANGS[lang]
    day = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
    sentences = [fill(rng, rng.choice(w["events"]), w)]  # the lead
    for _ in range(rng.randint(6, 24)):
        pool = w["events"] if rng.random() < event_share else w["free"]
        sentences.append(fill(rng, rng.choice(pool), w))
    place = rng.choice(w["places"]).upper()
    sentences[0] = f"{place} \u2013 " + sentences[0]
    paras, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 4)
        paras.append(" ".join(sentences[i:i + k]))
        i += k
    if rng.random() < 0.1:
        paras.append(rng.choice(SPAM))
    doc = {"id": f"bench-{lang}-{n}", "date": day.isoformat(), "title": sentences[1][:60],
           "text": "\n\n".join(paras)}
    if rng.random() < 0.7:
        doc["lang"] = lang
    return doc


def parse_size(s):
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    s = s.strip().upper().rstrip("B")
    if s and s[-1] in mult:
        return int(float(s[:-1]) * mult[s[-1]])
    return int(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", help="approximate output size: 500K, 100M, 1G")
    ap.add_argument("--docs", type=int, help="number of documents")
    ap.add_argument("--lang", choices=["en", "id", "both"], default="both")
    ap.add_argument("--event-share", type=float, default=0.25,
                    help="share of non-lead sentences drawn from event templates")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    if not a.size and not a.docs:
        a.docs = 1000
    limit = parse_size(a.size) if a.size else None
    rng = random.Random(a.seed)
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    written = n = 0
    langs = ["en", "id"] if a.lang == "both" else [a.lang]
    while (a.docs is None or n < a.docs) and (limit is None or written < limit):
        line = json.dumps(document(rng, n, langs[n % len(langs)], a.event_share),
                          ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1
    if out is not sys.stdout:
        out.close()
    print(f"gen_corpus: {n} documents, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
