"""Build Sereno's word lists from maintained sources; the lists are generated files.

- es_MX.txt, fr_FR.txt, en.txt: the words passphrases are drawn from (app/core/passphrase.py);
- common_es_MX.txt, common_fr_FR.txt: the most used words of Spanish and French, most used
  first, so the password rating knows them (zxcvbn already knows English words).

Run from the repository root, with both packages installed in the virtual environment:

    .venv/bin/pip install xkcdpass pyspellchecker
    .venv/bin/python resources/wordlists/build.py

Where the words come from:
- The words themselves: the lists shipped with xkcdpass (BSD licence, maintained):
  `spa-mich` (Spanish), `fr-freelang` (French, dictionary forms), `eff-long` (English, the
  EFF's list, already cleaned of offensive words).
- Spanish only: xkcdpass's `spa-mich` has no word shorter than 6 letters, so the Spanish
  list also takes the 3- to 5-letter words of pyspellchecker's Spanish list (below), which
  holds only words its authors checked against a dictionary; these bring the short everyday
  words (casa, mesa, perro, agua). A word written without its accent (tenia for tenía) is
  dropped when the accented spelling is the more frequent one.
- How common a word is: the word frequencies shipped with pyspellchecker (MIT licence,
  counted from film and TV subtitles, so they favour words people say every day). xkcdpass's
  lists are alphabetical, not ranked, so they say nothing on their own about which words are
  common. (wordfreq would also do, but its data is far larger than needed here.)

What a word must be to stay (the reasons are the person's eyes and hands):
- 3 to 8 letters, only a-z: no accent, no ñ or ç, no apostrophe or hyphen, no capital
  in the source (proper nouns are dropped);
- no letter "l": in large sans-serif type l, I and 1 look the same, and Sereno never uses
  I or 1, so dropping l removes the whole family;
- it must not start with i, o, b, g, s or z: the first word of a passphrase gets a capital,
  and I, O, B, G, S, Z look like 1, 0, 8, 6, 5, 2;
- not on the short exclusion list below (insults, body words, death, violence, illness,
  fraud: nothing that would upset or frighten the person who has to type it);
- then the SIZE most frequent words are kept, written one per line in alphabetical order.

The common-word lists keep the COMMON most frequent words of 3 letters or more, accents
included (people type "contraseña" as well as "contrasena"; the rating adds the plain form).

The lists are generated files: change this script and run it again instead of editing them.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = 2500  # >= 2,048 words, so 4 words give more than 44 bits even without the digit
COMMON = 10000

SOURCES = {
    "es_MX": ("spa-mich", "es"),
    "fr_FR": ("fr-freelang", "fr"),
    "en": ("eff-long", "en"),
}

WORD = re.compile(r"[a-km-z]{3,8}")  # a-z without l
BAD_FIRST = set("iobgsz")

# Words that upset, frighten or embarrass; exact words, plus the roots after them.
EXCLUDE = {
    "es_MX": """
        abortar aborto abusador abusar abusivo abuso acosador acosar acoso adicta adicto
        agonia agredido agredir agresiva agresivo agresor ahogada ahogado ahogar ahorcado
        ahorcar amante amenaza amenazar ami amputar anciana anciano anemia angustia ano anti
        apestar apestosa apestoso arma armas arrestar arresto arritmia artritis asco asfixia
        asustar atacada atacado atacante atacar ataque atentado atracar atraco autopsia
        borracho cabrear caca cachonda cachondo cadaver cagada cagado cagar cancer carcel
        carmen castigar castigo castrado cerdo chantaje chingar chivato chocho chorrada
        chupada chupado chupar chusma cianuro cicatriz coartada cobarde coca cocaina cochina
        cochino coger cogida cogido com condena condenar convicto cornudo corrupta corrupto
        cretino crimen cristo culo cura daga demencia demente demonio des deshonor deshonra
        desnuda desnudez desnudo deuda deudas diabetes diablo diarrea difunta difunto
        dinamita dolor droga drogas ebria ebrio ejecutar ejecutor enana enano enemiga
        enemigo enfermo engano engendro epidemia escopeta escoria escroto espasmo esperma
        estafa estigma estupido fascismo fascista fea feo fetiche feto forajido fornicar
        fosa fracaso fraude funeral furia guerra hacha hambruna hedor hematoma her herida
        herido herir hernia home homicida horca horrenda horrendo horror hostia huerfano hum
        idiota infarto infierno ira joder jodido juan macabro mamada man maniaco marica mata
        matadero matador matan matanza matar mato mear mentido mentir mentira miedo miedoso
        mienta miente mierda mocosa mocoso morboso morfina morir mortis muera muerta muerte
        muerto naco necio nefasto negrito non odio panico paranoia pecado pecador pecadora
        pedo pendejo pene per perra perversa perverso peste pinche pistola pito podrida
        podrido porra porro pos post preso pringado prision pro psicosis pum pus puta puto
        quiebra quiste rabia rabioso ramera raptada raptar rata ratero redada retrete robar
        robo sangre secuestro tac tenia teta tic tipa tiroteo tonta tonto top tortura toxina
        tragedia traicion traidor traidora tramposa tramposo trauma tuerto tumba tumor
        urinario usurero vaca vagina vejiga veneno venenosa venenoso venganza vengar venia
        vera veras verdugo verga vibrador virus viuda viudo vomitar vomito vos yanqui
    """,
    "fr_FR": """
        abattre abattu abruti abus abuser accident accuse accuser affreux agonie amende
        angoisse arabe arme armes arnaque arracher assassin atroce attaque attaquer attaques
        attentat bagarre batard bite bordel bourreau brute cadavre cafard cancer carnage
        cauchemar cendres chantage chatte chienne chier cochon coma combat combats con
        conard connard conne connerie cons couteau couteaux crack crever crime crimes crise
        crises crotte crottes cul dague danger dangers dette dettes diable douleur drame
        drogue dynamite enfer enfermer ennemi ennemis enterrer escroc espion espionne
        fantasme fesse fesses flic folle fosse fou fouet foutre foutus fraude fumier fusil
        guerre hache haine homicide honte honteux horreur horreurs idiot juif juifs juive
        mafia massacre maudit menace menacent menacer menaces menottes mensonge menteur
        mentir merde meurent meurt meurtre moche morgue mort morte mourir mourut nazi nazis
        nichon nichons noyer nue nues nus panique pendre pendu pervers peste peur pipi pisse
        pisser poignard poison pourrir prison prisons punir punition putain pute racaille
        race raciste rage rat rats sang sexe suicide tabasser tireur tirs tombe tombeau
        tombes torture toxique tragique trahi trahir trahison tripes truand tuant tuer tueur
        tumeur tyran urgence urgences vache vagin vaurien venger venin veuve viande vicieux
        victime victimes vierge vierges virus vol voler voleur vomir voyou
    """,
    "en": """
        abduct abort abuse agonize agony ambush anemia anemic arson ashes atrophy attack
        autism autistic avenge avenging cannabis carnage casket cataract cheating chemo
        choking coffin coma coroner corpse crazy crushed curse dagger danger dead deadly
        death debt debtor deceased deceit defraud demise demon departed depraved deranged
        despair destruct detonate deviant devil diabetes diabetic doom dork douche drown
        drug drugs dweeb dynamite enemy epidemic eskimo evil exhume exorcism exorcist famine
        fanatic fascism footsie fraud gun hacked hacker hacking handcuff handgun hangover
        hatchet hate hatred hell jail junkie kill killer knife maggot maimed mammary manhunt
        mobster morphine mortuary mumps murder mutiny naked nemesis neurosis neurotic
        nutcase pandemic panic parasite password perish perjury phobia poison pox predator
        pregnant prison punch rabid racism ransack rape revenge riot robbing rotten rotting
        scam sick stab steal suicide theft thief thieving thong toxic traitor treason
        trespass twerp undead unsafe vendetta venom venomous victim viper virus weapon widow wimp
        womb wound wrath wreckage wrecking yiddish
    """,
}
EXCLUDE_ROOTS = {
    "es_MX": ("asesin", "cadaver", "drog", "enferm", "estaf", "mierd", "muert",
              "put", "rob", "sangr", "suicid", "tortur", "vomit", "viol"),
    "fr_FR": ("assassin", "cadavr", "drogu", "maladi", "merd", "meurtr", "mort", "pute",
              "suicid", "tortur", "tue", "viol", "vomi"),
    "en": ("abus", "corps", "kill", "murd", "suicid", "tortur", "viol"),
}


def xkcdpass_words(name: str) -> list[str]:
    text = (resources.files("xkcdpass") / "static" / name).read_text("utf-8")
    return [line.strip().lstrip("\ufeff") for line in text.splitlines()]


def frequencies(code: str) -> dict[str, int]:
    path = resources.files("spellchecker") / "resources" / f"{code}.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return json.load(f)


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def misspelt(freq: dict[str, int]) -> set[str]:
    """Words that are usually written with an accent (tenia, mio): not words on their own."""
    accented: dict[str, int] = {}
    for word, count in freq.items():
        plain = strip_accents(word)
        if plain != word:
            accented[plain] = max(accented.get(plain, 0), count)
    return {w for w, count in accented.items() if count > freq.get(w, 0)}


def keep(word: str, language: str) -> bool:
    if not WORD.fullmatch(word) or word[0] in BAD_FIRST:
        return False
    if word in EXCLUDE[language].split():
        return False
    return not word.startswith(EXCLUDE_ROOTS[language])


def build(language: str) -> list[str]:
    source, freq_code = SOURCES[language]
    freq = frequencies(freq_code)
    candidates = set(xkcdpass_words(source))
    if language == "es_MX":
        candidates |= {w for w in freq if 3 <= len(w) <= 5}
    words = {w for w in candidates - misspelt(freq) if keep(w, language)}
    ranked = sorted(words, key=lambda w: (-freq.get(w, 0), w))
    if len(ranked) < SIZE:
        raise SystemExit(f"{language}: only {len(ranked)} words pass the filters")
    return sorted(ranked[:SIZE])


def common_words(language: str) -> list[str]:
    freq = frequencies(SOURCES[language][1])
    words = [w for w in freq if len(w) >= 3 and w.isalpha() and w == w.lower()]
    return sorted(words, key=lambda w: (-freq[w], w))[:COMMON]


def write(name: str, words: list[str]) -> None:
    (HERE / name).write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{name}: {len(words)} words")


def main() -> int:
    for language in SOURCES:
        write(f"{language}.txt", build(language))
    for language in ("es_MX", "fr_FR"):
        write(f"common_{language}.txt", common_words(language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
