#!/usr/bin/env python3
"""scripts/audit-entities as a specification: which values it calls malformed and
why (values the extractor really produced on the bundled corpus, issue 18), and
the tool run on a folder, on a database and with bad arguments.
Run by CTest with NEWSDESK_INDEX_BIN and NEWSDESK_SEARCH_BIN set."""

import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "scripts", "audit-entities")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "text")

loader = importlib.machinery.SourceFileLoader("audit_entities", SCRIPT)
spec = importlib.util.spec_from_loader("audit_entities", loader)
audit = importlib.util.module_from_spec(spec)
loader.exec_module(audit)
LISTS = audit.Lists()


def name(value):
    return audit.shape_problem(value) or audit.name_problem(value, LISTS)


class Names(unittest.TestCase):
    def test_clean_names_pass(self):
        for value in ("Victor Cha", "Donald Trump", "Abdel Fattah el-Sisi", "Chad Smith", "Ursula von der Leyen"):
            self.assertEqual(name(value), "", value)

    def test_words_glued_before_a_name(self):
        self.assertIn("place 'Vermont'", name("Vermont Bernie Sanders"))
        self.assertIn("place 'United States'", name("United States Joe Biden"))
        self.assertIn("'State'", name("State Mike Pompeo"))
        self.assertIn("age", name("Fourteen-year-old Zoe"))

    def test_clause_bracket_dash(self):
        self.assertIn("clause", name("Joe Biden, saying he was not"))
        self.assertEqual(name("Mike Ryan, of the World Health Organization (WHO"), "open bracket")
        self.assertEqual(name("\u2014 Earlier"), "dash or quote")

    def test_a_given_name_that_is_also_a_place_or_a_word_opens_a_name(self):
        # "Kobe", "Regina" are cities and given names; "Day" is a word and Doris Day's surname.
        for value in ("Kobe Bryant", "Regina Ip", "Doris Day", "Kanye West"):
            self.assertEqual(name(value), "", value)
        self.assertIn("place 'Philadelphia'", name("Philadelphia Phillies"))
        self.assertIn("'Tuesday' glued after", name("Joe Biden Tuesday"))
        # "Jan" is a month and "Christian" a word, and both are given names.
        for value in ("Jan Egeland", "Christian Harris"):
            self.assertEqual(name(value), "", value)
        self.assertIn("'Monday' glued before", name("Monday Joe Biden"))

    def test_things_that_are_not_people(self):
        self.assertIn("not a person", name("Northern Ireland"))
        self.assertIn("'Magazine'", name("Discover Magazine"))

    def test_two_peoples_surnames_joined(self):
        values = {kind: audit.collections.Counter() for kind in audit.KINDS}
        values["person"].update(["Donald Trump", "Joe Biden", "Adil Abdul-Mahdi", "Trump-Biden", "Abdul-Mahdi"])
        reasons = {v: r for _, v, r in audit.audit(values, {}, {}, LISTS)["person"]}
        self.assertIn("joined", reasons["Trump-Biden"])
        self.assertEqual(reasons["Abdul-Mahdi"], "")  # "Abdul" is nobody's surname
        self.assertEqual(reasons["Donald Trump"], "")

    def test_a_double_barrelled_surname_or_a_hyphenated_word_is_no_join(self):
        # Without the article, a surname is the last word of a full name a given name opens.
        values = {kind: audit.collections.Counter() for kind in audit.KINDS}
        values["person"].update(["Carl Lewis", "Dick Francis", "Mark Lewis-Francis", "Lewis-Francis",
                                 "Spider-Man", "X-Men", "Iron Man", "Mark Lewis", "Biden-Harris",
                                 "Joe Biden", "Kamala Harris"])
        reasons = {v: r for _, v, r in audit.audit(values, {}, {}, LISTS)["person"]}
        self.assertEqual(reasons["Lewis-Francis"], "")  # Mark Lewis-Francis's surname
        self.assertEqual(reasons["Spider-Man"], "")  # "Man" ends no name a given name opens
        self.assertEqual(reasons["X-Men"], "")
        self.assertIn("joined", reasons["Biden-Harris"])

    def test_titles(self):
        title = lambda t: audit.title_problem(t, LISTS)
        self.assertEqual(title("senior vice president for Asia and Korea chair"), "")
        self.assertEqual(title("spokesperson"), "")
        self.assertIn("clause-like", title("viewing the president as having no plan to combat COVID-19"))
        self.assertIn("clause-like", title("saying that jobs are more important than UBI"))
        self.assertIn("clause-like", title("his wife and the current chairwoman"))
        # A participle before a title or role is part of it, as the extractor reads it.
        self.assertEqual(title("acting Prime Minister of Iraq"), "")
        self.assertEqual(title("managing director"), "")
        # Or before a title of two words (as in the 20k scaled corpus).
        self.assertEqual(title("marketing vice president"), "")
        self.assertIn("clause-like", title("marketing the product"))

    def test_a_company_suffix_opening_a_name_is_initials(self):
        # A fund manager named by initials and a surname, as in the 20k scaled corpus.
        self.assertEqual(name("KK Mittal"), "")
        self.assertIn("organisation word", name("Mittal KK"))


class Institutions(unittest.TestCase):
    def test_fragment_of_a_longer_name(self):
        values = ["World Health Organization", "Health Organization", "Stimson Center"]
        self.assertEqual(audit.fragment_of("Health Organization", values, LISTS), "World Health Organization")
        self.assertEqual(audit.fragment_of("Stimson Center", values, LISTS), "")

    def test_a_longer_name_of_another_body_is_no_fragment(self):
        # A place or people qualifies the longer one: another country's or state's body.
        for short, longer in (("National Congress", "Indian National Congress"),
                              ("Legislative Council", "Victorian Legislative Council"),
                              ("Republican Senate", "West Virginia Republican Senate"),
                              ("Prohibition Party", "Prohibition Party of Illinois"),
                              ("Quds Force", "Islamic Revolutionary Guard Corps-Quds Force"),
                              ("Coast Guard", "Control Centre of the Coast Guard")):
            self.assertEqual(audit.fragment_of(short, [longer], LISTS), "", short)
        # "World" and "Loyola" are no places: those stay fragments.
        self.assertEqual(audit.fragment_of("Law School", ["Loyola Law School"], LISTS), "Loyola Law School")

    def test_a_body_every_country_has_is_no_fragment_of_one_country_s(self):
        values = {kind: audit.collections.Counter() for kind in audit.KINDS}
        values["institution"].update(["Royal Air Force", "Air Force", "Law School", "Loyola Law School"])
        reasons = {v: r for _, v, r in audit.audit(values, {}, {}, LISTS)["institution"]}
        self.assertEqual(reasons["Air Force"], "")
        self.assertIn("end of a longer name", reasons["Law School"])

    def test_part_of_another_name_in_the_same_article(self):
        values = {kind: audit.collections.Counter() for kind in audit.KINDS}
        values["institution"].update(["Boston University School of Public Health", "Boston University",
                                      "European Council on Foreign Relations", "European Council"])
        same_article = {"Boston University": ["Boston University School of Public Health"],
                        "European Council": ["European Council on Foreign Relations"]}
        reasons = {v: r for _, v, r in audit.audit(values, {}, same_article, LISTS)["institution"]}
        self.assertEqual(reasons["Boston University School of Public Health"], "")
        self.assertIn("same article", reasons["Boston University"])
        # A name the gazetteer knows is an institution of its own, wherever it stands.
        self.assertEqual(reasons["European Council"], "")

    def test_the_body_a_unit_is_named_after_is_no_part_of_it(self):
        # 20k scaled corpus: an NHS trust named after the NHS, beside it.
        self.assertTrue(audit.unit_of("NHS", "Hereford Hospitals NHS Trust", LISTS))
        # Joined inside another name by "and": a fragment.
        self.assertFalse(audit.unit_of("Commercial Services", "Public and Commercial Services Union", LISTS))
        self.assertFalse(audit.unit_of("Standard Trust", "United Bank of Africa and Standard Trust Bank", LISTS))
        self.assertFalse(audit.unit_of("Rob Da Bank", "DJ Rob Da Bank on Thursdays", LISTS))
        values = {kind: audit.collections.Counter() for kind in audit.KINDS}
        values["institution"].update(["Hereford Hospitals NHS Trust", "NHS", "Commercial Services",
                                      "Public and Commercial Services Union"])
        same_article = {"NHS": ["Hereford Hospitals NHS Trust"],
                        "Commercial Services": ["Public and Commercial Services Union"]}
        reasons = {v: r for _, v, r in audit.audit(values, {}, same_article, LISTS)["institution"]}
        self.assertEqual(reasons["NHS"], "")
        self.assertIn("same article", reasons["Commercial Services"])

    def test_cut_names(self):
        self.assertIn("ends with", audit.institution_problem("Ministry of", LISTS))
        self.assertEqual(audit.institution_problem("European Council on Foreign Relations", LISTS), "")


class Tool(unittest.TestCase):
    def run_tool(self, *args):
        return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)

    def test_folder_lists_every_value_with_its_count(self):
        proc = self.run_tool(FIXTURES)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.splitlines()
        self.assertIn("country\t1\tKP\t", lines)
        self.assertIn("expert\t1\tVictor Cha\t", lines)
        self.assertTrue(any(l.startswith("# institution: ") for l in lines))

    def test_database_and_malformed_only(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "db")
            articles = [os.path.join(FIXTURES, f) for f in sorted(os.listdir(FIXTURES)) if f.endswith(".txt")]
            index = subprocess.run([os.environ["NEWSDESK_INDEX_BIN"], "--db", db, *articles],
                                   capture_output=True, text=True)
            self.assertEqual(index.returncode, 0, index.stderr)
            proc = self.run_tool("--db", db, "--json")
            self.assertEqual(proc.returncode, 0, proc.stderr)
            report = json.loads(proc.stdout)
            codes = {v["value"]: v["count"] for v in report["country"]}
            self.assertEqual(codes.get("KP"), 1)
            self.assertEqual(report["summary"]["expert"]["values"], len(report["expert"]))
            only = json.loads(self.run_tool("--db", db, "--json", "--malformed").stdout)
            self.assertTrue(all(v["reason"] for kind in audit.KINDS for v in only[kind]))

    def test_usage_errors_exit_2_with_one_line(self):
        self.assertEqual(self.run_tool().returncode, 2)
        proc = self.run_tool("/no/such/folder")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("/no/such/folder: no such file or directory", proc.stderr)


if __name__ == "__main__":
    unittest.main()
