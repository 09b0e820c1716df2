"""Deterministic synthetic Markdown books for the benchmark (see bench/run.py).

`generate(language, target_bytes, seed)` returns the text of a book of about
`target_bytes` UTF-8 bytes: YAML front matter, then chapters of 20–40 KB
(`# 第N章 …` or `# Chapter N: …`), each with a few `##` sub-headings, paragraphs
of realistic length, some emphasis, a footnote now and then and the odd list.
The same arguments always give the same text.

`generate_novel(target_bytes)` is the other kind of book Chinese readers keep:
a `.txt` novel in GB18030 — a 《title》 and 作者： line, bare `第N章 …` chapter
lines with Chinese numerals, one paragraph per line indented with full-width
spaces, CRLF line ends.
"""

from __future__ import annotations

import random

# About 600 of the most frequent Chinese characters (by modern corpus frequency).
_ZH_CHARS = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
    "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
    "进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
    "新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
    "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
    "眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交"
    "规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
    "器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
    "首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维"
    "革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧"
    "黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印"
    "晚兰试股拿脑预谁益阳"
)
_ZH_PAUSE = "，，，，，，、、；："  # weighted: commas are by far the most common
_ZH_STOP = "。。。。。。！？"

_EN_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there one all we their has been would more "
    "when if no will out so said what up its about into than them can only other new some "
    "time could these two may first then do any like my now over such our man me even most "
    "made after also did many before must through back years where much your way well down "
    "should because each just those people how too little state good very make world still "
    "own see men work long get here between both life being under never day same another "
    "know while last might us great old year off come since against go came right used take "
    "three himself few house use during without again place around however home small found "
    "thought went say part once general high upon school every does got united left number "
    "course war until always away something fact though water less public put think almost "
    "hand enough far took head yet government system better set told nothing night end why "
    "called didn eyes find going look asked later knew point next program city business "
    "give group toward young days let room president side social given present several "
    "order national possible rather second face per among form important often things "
    "looked early white case john become large big need four within felt along children saw "
    "best church ever least power development light thing seemed family interest want "
    "members mind country area others done turned although open god service certain kind "
    "problem began different door thus help sense means whole matter perhaps itself york "
    "times law human line above name example action company hands local show whether five "
    "history gave today either act feet across taken past quite anything having seen death "
    "experience body half really week field word free car already information tell together "
    "college shall money period held keep sure probably real behind seems cannot political "
    "air question office brought whose special heard major problems ago became federal "
    "moment study available known result street economic boy position reason change south "
    "board individual job areas society west close turn love community true court force "
    "full seem am wife age future voice center woman control common policy necessary "
    "following front sometimes six girl clear further land able mrs feel party music "
    "education provide river letter doubt evening reader chapter morning garden window "
    "letters "
).split()


def _zh_sentence(rng: random.Random) -> str:
    clauses = []
    for _ in range(rng.randint(1, 4)):
        clause = "".join(rng.choice(_ZH_CHARS) for _ in range(rng.randint(5, 16)))
        if rng.random() < 0.05:
            clause = "“" + clause + "”"
        clauses.append(clause)
    text = "".join(c + rng.choice(_ZH_PAUSE) for c in clauses[:-1]) + clauses[-1]
    return text + rng.choice(_ZH_STOP)


def _en_sentence(rng: random.Random) -> str:
    words = [rng.choice(_EN_WORDS) for _ in range(rng.randint(7, 26))]
    for i in range(2, len(words) - 2):
        if rng.random() < 0.06:
            words[i] += ","
    if rng.random() < 0.04:
        k = rng.randrange(len(words) - 2)
        words[k] = "“" + words[k]
        words[k + 1] += "”"
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice("........?!")


class _Writer:
    def __init__(self, language: str, rng: random.Random, book_id: str) -> None:
        self.zh = language == "zh"
        self.rng = rng
        self.book_id = book_id
        self.notes = 0

    def sentence(self) -> str:
        return _zh_sentence(self.rng) if self.zh else _en_sentence(self.rng)

    def emphasise(self, sentence: str) -> str:
        rng = self.rng
        if self.zh:
            if len(sentence) < 8:
                return sentence
            a = rng.randrange(0, len(sentence) - 6)
            b = a + rng.randint(2, 5)
            if sentence[a] not in _ZH_CHARS or sentence[b - 1] not in _ZH_CHARS:
                return sentence  # emphasis must start and end on a character
            mark = rng.choice(("*", "**"))
            return f"{sentence[:a]}{mark}{sentence[a:b]}{mark}{sentence[b:]}"
        words = sentence.split(" ")
        if len(words) < 4:
            return sentence
        k = rng.randrange(1, len(words) - 2)
        mark = rng.choice(("*", "**", "_"))
        words[k] = f"{mark}{words[k].rstrip(',')}{mark}"
        return " ".join(words)

    def paragraph(self, footnotes: list[str]) -> str:
        rng = self.rng
        count = rng.randint(2, 7) if self.zh else rng.randint(2, 8)
        sentences = [self.sentence() for _ in range(count)]
        if rng.random() < 0.25:
            k = rng.randrange(len(sentences))
            sentences[k] = self.emphasise(sentences[k])
        if rng.random() < 0.06:
            self.notes += 1
            label = f"{self.book_id}{self.notes}"
            k = rng.randrange(len(sentences))
            sentences[k] = sentences[k][:-1] + f"[^{label}]" + sentences[k][-1]
            footnotes.append(
                f"[^{label}]: " + " ".join(self.sentence() for _ in range(rng.randint(1, 3)))
            )
        return ("" if self.zh else " ").join(sentences)

    def list_block(self) -> str:
        rng = self.rng
        ordered = rng.random() < 0.4
        items = []
        for n in range(1, rng.randint(3, 7)):
            text = self.sentence()
            items.append(f"{n}. {text}" if ordered else f"- {text}")
        return "\n".join(items)

    def title(self, words: int) -> str:
        rng = self.rng
        if self.zh:
            return "".join(rng.choice(_ZH_CHARS) for _ in range(rng.randint(3, 3 + words)))
        return " ".join(rng.choice(_EN_WORDS) for _ in range(rng.randint(2, 2 + words))).title()

    def chapter(self, number: int) -> str:
        rng = self.rng
        target = rng.randint(20_000, 40_000)  # UTF-8 bytes
        heading = (
            f"# 第{number}章 {self.title(4)}" if self.zh else f"# Chapter {number}: {self.title(3)}"
        )
        blocks = [heading]
        footnotes: list[str] = []
        size = len(heading.encode())
        subsections = rng.randint(2, 6)
        sub_every = target // (subsections + 1)
        next_sub = sub_every
        sub = 0
        while size < target:
            if size >= next_sub and sub < subsections:
                sub += 1
                next_sub += sub_every
                block = (
                    f"## {number}.{sub} {self.title(4)}"
                    if not self.zh
                    else f"## 第{sub}节 {self.title(4)}"
                )
            elif rng.random() < 0.05:
                block = self.list_block()
            else:
                block = self.paragraph(footnotes)
            blocks.append(block)
            size += len(block.encode()) + 2
        blocks.extend(footnotes)
        return "\n\n".join(blocks) + "\n"


def generate(language: str, target_bytes: int, seed: int = 1) -> str:
    """A book of about `target_bytes` UTF-8 bytes (`language` is "zh" or "en")."""
    rng = random.Random(f"{language}-{target_bytes}-{seed}")
    writer = _Writer(language, rng, book_id="n")
    if language == "zh":
        title, author = f"基准测试之书（{target_bytes / 1e6:g} MB）", "佚名"
    else:
        title, author = f"A Benchmark Book ({target_bytes / 1e6:g} MB)", "Anonymous"
    front = f"---\ntitle: {title}\nauthor: {author}\nlanguage: {language}\n---\n\n"
    parts = [front]
    size = len(front.encode())
    number = 0
    while size < target_bytes:
        number += 1
        text = writer.chapter(number)
        parts.append(text + "\n")
        size += len(text.encode()) + 1
    return "".join(parts)


_CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 305 → 三百零五, 1024 → 一千零二十四 (n < 10,000)."""
    if n < 10:
        return _CN_DIGITS[n]
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                parts.append("零")
            parts.append(("" if (unit == "十" and n < 20) else _CN_DIGITS[digit]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def generate_novel(target_bytes: int, seed: int = 1) -> str:
    """A .txt novel of about `target_bytes` GB18030 bytes (see the module docstring)."""
    rng = random.Random(f"novel-{target_bytes}-{seed}")
    lines = [f"《基准小说（{target_bytes / 1e6:g} MB）》", "作者：佚名", ""]
    size, number = 0, 0
    while size < target_bytes:
        number += 1
        title = "".join(rng.choice(_ZH_CHARS) for _ in range(rng.randint(2, 6)))
        chapter = ["", f"第{chinese_numeral(number)}章 {title}", ""]
        for _ in range(rng.randint(25, 60)):
            sentences = [_zh_sentence(rng) for _ in range(rng.randint(1, 6))]
            chapter.append("\u3000\u3000" + "".join(sentences))
        size += sum(2 * len(line) + 2 for line in chapter)  # ~2 bytes a character
        lines += chapter
    return "\r\n".join(lines) + "\r\n"


def main(argv: list[str] | None = None) -> int:
    """`books.py FOLDER --sizes 0.3 3 [--sample PATH]`: write the books, print JSON.

    Run in a child process by bench/run.py so that the benchmark process itself
    stays small: a spawned child's ru_maxrss includes its parent's peak RSS at
    exec time on Linux, so a fat parent would inflate every memory figure.
    """
    import argparse
    import json
    from pathlib import Path

    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sizes", type=float, nargs="+", required=True, help="MB")
    parser.add_argument("--sample", type=Path, help="a real book to include first")
    parser.add_argument("--novel", type=float, help="MB: also a GB18030 .txt novel this big")
    parser.add_argument("--show", action="store_true", help="print the start of each book instead")
    args = parser.parse_args(argv)

    from readmark.core.formats import open_book

    specs = []
    if args.sample is not None and args.sample.is_file():
        specs.append(
            {
                "label": "sample book (real, zh)",
                "path": str(args.sample),
                "language": "zh",
                "nominal_mb": None,
            }
        )
    for language in ("zh", "en"):
        for mb in args.sizes:
            path = args.folder / f"{language}-{mb:g}MB.md"
            text = generate(language, int(mb * 1_000_000))
            if args.show:
                print(text[:3000])
                continue
            path.write_text(text, encoding="utf-8")
            name = "Chinese" if language == "zh" else "English"
            specs.append(
                {
                    "label": f"{name} {mb:g} MB",
                    "path": str(path),
                    "language": language,
                    "nominal_mb": mb,
                }
            )
    if args.novel:
        path = args.folder / f"zh-novel-{args.novel:g}MB.txt"
        text = generate_novel(int(args.novel * 1_000_000))
        if args.show:
            print(text[:3000])
        else:
            path.write_bytes(text.encode("gb18030"))
            specs.append(
                {
                    "label": f"Chinese .txt novel {args.novel:g} MB (GB18030)",
                    "path": str(path),
                    "language": "zh",
                    "nominal_mb": args.novel,
                    "kind": "text",
                }
            )
    if args.show:
        return 0
    for spec in specs:
        path = Path(spec["path"])
        book = open_book(path)
        spec["size_bytes"] = path.stat().st_size
        spec["sections"] = len(book.sections)
        spec["toc_entries"] = sum(1 for _ in book.toc_entries())
    print(json.dumps(specs, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
