#!/usr/bin/env python3
# Copied unchanged from /work/shared/bench/combine_gen_data.py (the shared definition of the Combine benchmark data), so that the benchmark runs from a fresh clone.
"""Deterministic data-integration benchmark: 3 CSV sources, 500,000 records in total.

  data/customers.csv  200,000 rows: customer_id,name,email,city,updated_at
  data/orders.csv     200,000 rows: order_id,customer_id,amount,status,updated_at
  data/crm.csv        100,000 rows: customer_id,name,email,phone,city,updated_at

- customer_id: C0000001..C0200000; crm covers a random 98,000 of them + 2,000 ids not in customers.
- orders: customer_id drawn with a skew (some customers many orders, ~37% none); 1% orphan ids.
- crm.name: same person as customers.name; ~10% have a small typo (swap/delete/substitute/duplicate).
- crm.email: ~20% differ (new provider); crm.updated_at newer than customers.updated_at for ~50%.
- crm.city: same as customers.city for 95% (added so the fuzzy variant can block on city).
Usage: combine_gen_data.py [OUT_DIR]   (default ./data)
No field contains a comma or quote (plain CSV, header row, '\n' line ends).
"""
import os, random

SEED = 42
import sys
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(os.getcwd(), "data")

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark
Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian
Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia
Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma
Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel
Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam
Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina Ethan Joan Walter
Evelyn Noah Judith Jeremy Megan Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Gerald Martha Harold
Gloria Sean Teresa Austin Ann Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean
Bryan Abigail Billy Alice Joe Julia Bruce Judy Gabriel Sophia Logan Grace Albert Denise Willie Amber Alan
Doris Juan Marilyn Wayne Danielle Elijah Beverly Randy Isabella Roy Theresa Vincent Diana Ralph Natalie Eugene
Brittany Russell Charlotte Bobby Marie Mason Kayla Philip Alexis Louis Lori""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis
Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera
Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart
Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox
Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders
Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes
Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace
Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens
Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns
Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer
Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols
Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters
Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray
Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval""".split()
CITIES = """New_York Los_Angeles Chicago Houston Phoenix Philadelphia San_Antonio San_Diego Dallas Jacksonville
Austin Fort_Worth San_Jose Columbus Charlotte Indianapolis San_Francisco Seattle Denver Oklahoma_City Nashville
Washington El_Paso Las_Vegas Boston Detroit Portland Louisville Memphis Baltimore Milwaukee Albuquerque Tucson
Fresno Sacramento Mesa Atlanta Kansas_City Colorado_Springs Omaha Raleigh Miami Virginia_Beach Long_Beach
Oakland Minneapolis Bakersfield Tulsa Tampa Arlington Aurora Wichita Cleveland New_Orleans Henderson Honolulu
Anaheim Orlando Lexington Stockton Riverside Irvine Corpus_Christi Newark Santa_Ana Cincinnati Pittsburgh
Saint_Paul Greensboro Jersey_City Durham Lincoln North_Las_Vegas Plano Anchorage Gilbert Madison Reno Chandler
St_Louis Chula_Vista Buffalo Fort_Wayne Lubbock St_Petersburg Toledo Laredo Port_St_Lucie Glendale Irving
Winston_Salem Chesapeake Garland Scottsdale Boise Hialeah Frisco Richmond Cape_Coral Norfolk Spokane Huntsville
Santa_Clarita Tacoma Fremont McKinney San_Bernardino Baton_Rouge Modesto Fontana Salt_Lake_City Moreno_Valley
Des_Moines Worcester Yonkers Fayetteville Sioux_Falls Grand_Prairie Rochester Tallahassee Little_Rock Amarillo
Overland_Park Augusta Mobile Oxnard Grand_Rapids Peoria Vancouver Knoxville Birmingham Montgomery Providence
Huntington_Beach Brownsville Chattanooga Fort_Lauderdale Tempe Akron Clarksville Ontario Newport_News Elk_Grove
Cary Eugene Salem Pembroke_Pines Santa_Rosa Rancho_Cucamonga Palmdale Shreveport Springfield Fort_Collins
Jackson Corona Lancaster Hayward Alexandria Salinas Paterson Pasadena Macon Lakewood Kansas Sunnyvale
Hollywood Joliet Naperville Bridgeport Savannah Mesquite Syracuse Pomona Escondido Charleston Orange Fullerton
Dayton Miramar Thornton Torrance Gainesville Waco Visalia Roseville Killeen Cedar_Rapids Olathe Sterling_Heights
Columbia Denton Surprise New_Haven Topeka Concord Elizabeth Carrollton Midland Round_Rock Abilene Victorville
Athens Evansville Beaumont Independence Vallejo Ann_Arbor Provo Berkeley Lansing El_Monte Downey Costa_Mesa
Inglewood Miami_Gardens Manchester Westminster Billings Wilmington Odessa Richardson Lowell Murfreesboro
Broken_Arrow Clearwater Pueblo West_Valley_City Norman""".split()
CITIES = [c.replace("_", " ") for c in CITIES]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me", "mail.com"]
STATUS = ["paid", "paid", "paid", "shipped", "pending", "refunded", "cancelled"]
T0 = 1640995200  # 2022-01-01T00:00:00Z
SPAN = 3 * 365 * 86400


def ts(sec):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec))


def typo(rng, s):
    if len(s) < 4:
        return s + s[-1]
    i = rng.randrange(1, len(s) - 1)
    op = rng.randrange(4)
    if op == 0:  # swap adjacent
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == 1:  # delete
        return s[:i] + s[i + 1:]
    if op == 2:  # substitute
        c = rng.choice("abcdefghijklmnopqrstuvwxyz")
        return s[:i] + c + s[i + 1:]
    return s[:i] + s[i] + s[i:]  # duplicate


def email_for(rng, first, last, n):
    style = rng.randrange(3)
    local = [f"{first}.{last}", f"{first[0]}{last}", f"{first}{last[:3]}{n % 100}"][style].lower()
    return f"{local}@{rng.choice(DOMAINS)}"


def main():
    rng = random.Random(SEED)
    os.makedirs(OUT, exist_ok=True)
    n_cust, n_ord, n_crm = 200_000, 200_000, 100_000
    cust = []
    with open(os.path.join(OUT, "customers.csv"), "w") as f:
        f.write("customer_id,name,email,city,updated_at\n")
        for i in range(1, n_cust + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            cid = f"C{i:07d}"
            email = email_for(rng, first, last, i)
            city = rng.choice(CITIES)
            up = T0 + rng.randrange(SPAN)
            cust.append((cid, first, last, email, city, up))
            f.write(f"{cid},{first} {last},{email},{city},{ts(up)}\n")
    with open(os.path.join(OUT, "orders.csv"), "w") as f:
        f.write("order_id,customer_id,amount,status,updated_at\n")
        for i in range(1, n_ord + 1):
            if rng.random() < 0.01:
                cid = f"C{n_cust + 1 + rng.randrange(50_000):07d}"  # orphan order
            else:
                # skew: squared uniform concentrates orders on low ids
                cid = f"C{1 + int((rng.random() ** 2) * n_cust):07d}"
            amount = round(rng.lognormvariate(3.5, 1.0), 2)
            f.write(f"O{i:08d},{cid},{amount:.2f},{rng.choice(STATUS)},{ts(T0 + rng.randrange(SPAN))}\n")
    picked = rng.sample(range(n_cust), n_crm - 2_000)
    extra = [n_cust + 100_000 + k for k in range(2_000)]
    rows = []
    for idx in picked:
        cid, first, last, email, city, up = cust[idx]
        if rng.random() < 0.10:
            if rng.random() < 0.5:
                first = typo(rng, first)
            else:
                last = typo(rng, last)
        if rng.random() < 0.20:
            email = email_for(rng, first, last, idx + 7)
        if rng.random() >= 0.95:
            city = rng.choice(CITIES)
        cup = up + rng.randrange(1, 200 * 86400) if rng.random() < 0.5 else up - rng.randrange(1, 200 * 86400)
        phone = f"+1-{rng.randrange(200, 999)}-{rng.randrange(200, 999)}-{rng.randrange(10000):04d}"
        rows.append((cid, f"{first} {last}", email, phone, city, ts(cup)))
    for j in extra:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        rows.append((f"C{j + 1:07d}", f"{first} {last}", email_for(rng, first, last, j), 
                     f"+1-{rng.randrange(200, 999)}-{rng.randrange(200, 999)}-{rng.randrange(10000):04d}",
                     rng.choice(CITIES), ts(T0 + rng.randrange(SPAN))))
    rng.shuffle(rows)
    with open(os.path.join(OUT, "crm.csv"), "w") as f:
        f.write("customer_id,name,email,phone,city,updated_at\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    for fn in ("customers.csv", "orders.csv", "crm.csv"):
        p = os.path.join(OUT, fn)
        print(fn, sum(1 for _ in open(p)) - 1, "rows", round(os.path.getsize(p) / 1e6, 2), "MB")


if __name__ == "__main__":
    main()
