<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="32"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="33"/>
        <source>&amp;Close Book</source>
        <translation>关闭图书(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="34"/>
        <source>Open the &amp;Guide</source>
        <translation>打开使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="35"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="36"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="39"/>
        <source>&amp;Table of Contents</source>
        <translation>目录(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="40"/>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="41"/>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="42"/>
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="43"/>
        <source>&amp;Default Text Size</source>
        <translation>默认字号(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="44"/>
        <source>Choose &amp;Font…</source>
        <translation>选择字体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="45"/>
        <source>Use the Book&apos;s Default Font</source>
        <translation>使用图书的默认字体</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="49"/>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="50"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="51"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="52"/>
        <source>S&amp;epia</source>
        <translation>棕褐色(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="60"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="61"/>
        <source>&amp;Next Chapter</source>
        <translation>下一章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="62"/>
        <source>&amp;Previous Chapter</source>
        <translation>上一章(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="65"/>
        <source>&amp;Repair Book Converted from Print</source>
        <translation>修复由纸质书转换的图书(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="67"/>
        <source>Join paragraphs split at page breaks and attach stranded footnotes (the file is never changed)</source>
        <translation>接合被换页截断的段落，并把孤立的脚注挂回原处（不会改动文件）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="70"/>
        <source>&amp;About Readmark</source>
        <translation>关于 Readmark(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="79"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="88"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="97"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="101"/>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="106"/>
        <source>&amp;Book</source>
        <translation>图书(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/actions.py" line="109"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>BookError</name>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="43"/>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="44"/>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="45"/>
        <location filename="../../src/readmark/core/textio.py" line="46"/>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="47"/>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="48"/>
        <source>a ZIP archive (an EPUB or office document?)</source>
        <translation>ZIP 压缩包（也许是 EPUB 或办公文档？）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="49"/>
        <source>a ZIP archive</source>
        <translation>ZIP 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="50"/>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="51"/>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="52"/>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="55"/>
        <source>an old Microsoft Office document</source>
        <translation>旧版 Microsoft Office 文档</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="57"/>
        <source>a program</source>
        <translation>可执行程序</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="58"/>
        <source>a Windows program</source>
        <translation>Windows 程序</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="59"/>
        <source>an SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="60"/>
        <source>a BMP image</source>
        <translation>BMP 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="61"/>
        <source>an MP3 audio file</source>
        <translation>MP3 音频文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="62"/>
        <source>an Ogg audio file</source>
        <translation>Ogg 音频文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="63"/>
        <source>a FLAC audio file</source>
        <translation>FLAC 音频文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="90"/>
        <location filename="../../src/readmark/core/textio.py" line="105"/>
        <source>“{name}” is empty.</source>
        <translation>“{name}”是空文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="97"/>
        <location filename="../../src/readmark/core/textio.py" line="109"/>
        <source>“{name}” is a binary file, not a text book.</source>
        <translation>“{name}”是二进制文件，不是文本图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="140"/>
        <source>“{name}” is a folder, not a book.</source>
        <translation>“{name}”是文件夹，不是图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="145"/>
        <source>“{name}” does not exist.</source>
        <translation>“{name}”不存在。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="149"/>
        <location filename="../../src/readmark/core/textio.py" line="173"/>
        <source>Readmark is not allowed to read “{name}”.</source>
        <translation>Readmark 没有读取“{name}”的权限。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="154"/>
        <location filename="../../src/readmark/core/textio.py" line="178"/>
        <source>“{name}” could not be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="160"/>
        <source>“{name}” is too big ({size} MB); Readmark opens books up to {limit} MB.</source>
        <translation>“{name}”太大（{size} MB）；Readmark 最多只能打开 {limit} MB 的图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="212"/>
        <source>“{name}” is {kind}, not a text book.</source>
        <translation>“{name}”是{kind}，不是文本图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="233"/>
        <source>“{name}” has a line of {length} characters; it does not look like a book.</source>
        <translation>“{name}”中有一行长达 {length} 个字符，看起来不像是一本书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/__init__.py" line="26"/>
        <source>Readmark cannot open {suffix} files yet.</source>
        <translation>Readmark 暂时还不能打开 {suffix} 文件。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../src/readmark/cli.py" line="90"/>
        <source>Title</source>
        <translation>书名</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="91"/>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="92"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="93"/>
        <source>Publisher</source>
        <translation>出版者</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="94"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="95"/>
        <source>ISBN</source>
        <translation>书号（ISBN）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="96"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="97"/>
        <source>Sections</source>
        <translation>分节数</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="103"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="111"/>
        <source>There is no section {number}; this book has {count}.</source>
        <translation>没有第 {number} 节；这本书共有 {count} 节。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="208"/>
        <source>no graphical display is available (DISPLAY and WAYLAND_DISPLAY are not set, or the display does not answer), so the reader window cannot open. Run it on a desktop, or under a virtual display: xvfb-run readmark. Without a display you can still use `readmark info BOOK` and `readmark text BOOK`.</source>
        <translation>没有可用的图形显示（未设置 DISPLAY 和 WAYLAND_DISPLAY，或显示没有响应），因此无法打开阅读窗口。请在桌面环境中运行，或在虚拟显示下运行：xvfb-run readmark。没有显示时仍可使用 `readmark info 图书` 和 `readmark text 图书`。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="220"/>
        <source>“{path}” does not exist.</source>
        <translation>“{path}”不存在。</translation>
    </message>
</context>
<context>
    <name>LibraryError</name>
    <message>
        <location filename="../../src/readmark/core/library.py" line="85"/>
        <location filename="../../src/readmark/core/library.py" line="91"/>
        <source>The library {path} cannot be used: {reason}</source>
        <translation>无法使用书库 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/library.py" line="103"/>
        <source>The library {path} was written by a newer Readmark (schema {found}, this version knows {known}).</source>
        <translation>书库 {path} 由更新版本的 Readmark 写入（结构版本 {found}，当前版本只支持到 {known}）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="64"/>
        <location filename="../../src/readmark/ui/main_window.py" line="235"/>
        <source>Readmark</source>
        <translation>Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="97"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="142"/>
        <source>Open a Book</source>
        <translation>打开图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="144"/>
        <source>Books ({patterns});;All files (*)</source>
        <translation>图书 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="167"/>
        <source>Opening “{name}”…</source>
        <translation>正在打开“{name}”…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="191"/>
        <source>The book could not be opened</source>
        <translation>无法打开这本书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="214"/>
        <source>{title} — Readmark</source>
        <translation>{title} — Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="222"/>
        <source>No Chinese, Japanese or Korean font is installed, so this book&apos;s text may show as empty boxes. Install one (e.g. fonts-noto-cjk).</source>
        <translation>未安装中文、日文或韩文字体，这本书的文字可能显示为空白方框。请安装一种（例如 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="279"/>
        <source>Open link in your browser?</source>
        <translation>在浏览器中打开链接？</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="280"/>
        <source>This link leads outside the book:

{url}

Open it in your web browser?</source>
        <translation>此链接指向书外：

{url}

要在浏览器中打开吗？</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="315"/>
        <source>Your preferences could not be saved to {path}.</source>
        <translation>无法将你的偏好设置保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="378"/>
        <source>No recent books</source>
        <translation>没有最近阅读的图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="390"/>
        <source>About Readmark</source>
        <translation>关于 Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/main_window.py" line="391"/>
        <source>Readmark {version}

An offline reader for studying the books you own.</source>
        <translation>Readmark {version}

一款离线阅读器，用来研读你自己的图书。</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../src/readmark/ui/reader_view.py" line="467"/>
        <source>This link leads outside the book and was not followed.</source>
        <translation>此链接指向书外，未予跳转。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader_view.py" line="489"/>
        <source>Remote image not loaded (Readmark works offline)</source>
        <translation>未加载远程图片（Readmark 离线工作）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader_view.py" line="491"/>
        <location filename="../../src/readmark/ui/reader_view.py" line="497"/>
        <source>Image not loaded</source>
        <translation>图片未加载</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader_view.py" line="499"/>
        <source>Image outside the book&apos;s folder not loaded</source>
        <translation>未加载图书文件夹以外的图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader_view.py" line="501"/>
        <source>Image too large</source>
        <translation>图片过大</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader_view.py" line="504"/>
        <source>Image could not be read</source>
        <translation>无法读取图片</translation>
    </message>
</context>
<context>
    <name>RepairRule</name>
    <message>
        <location filename="../../src/readmark/core/repair/footnotes.py" line="170"/>
        <source>Turn footnotes left at the bottom of printed pages into real footnotes linked from their markers</source>
        <translation>把留在纸页底部的注释变成真正的脚注，并与正文中的标记相链接</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/page_splits.py" line="135"/>
        <source>Join paragraphs that the printed book&apos;s page breaks cut in two</source>
        <translation>接合被纸质书换页截断的段落</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/punctuation.py" line="70"/>
        <source>Use full-width punctuation (，：；？！（）) after Chinese text where the conversion left half-width marks</source>
        <translation>在中文后面使用全角标点（，：；？！（）），替换转换时留下的半角标点</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/soft_breaks.py" line="41"/>
        <source>Remove line breaks inside a paragraph between Chinese characters, which would show as stray spaces</source>
        <translation>删除段落内汉字之间的换行，以免显示为多余的空格</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/line_paragraphs.py" line="88"/>
        <source>Treat each line as a paragraph in Chinese text written one paragraph per line</source>
        <translation>中文文本每行一段时，把每一行当作一个段落</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/readmark/ui/start_page.py" line="29"/>
        <source>Readmark</source>
        <translation>Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/start_page.py" line="34"/>
        <source>Read, study and annotate the books you own — offline.</source>
        <translation>离线阅读、研读和批注你自己的图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/start_page.py" line="35"/>
        <source>Open a Book…</source>
        <translation>打开图书…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/start_page.py" line="37"/>
        <source>Read the Guide</source>
        <translation>阅读使用指南</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/start_page.py" line="43"/>
        <source>Recent books</source>
        <translation>最近阅读</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/start_page.py" line="49"/>
        <source>Books you open appear here. You can also drop a file on this window.</source>
        <translation>你打开过的图书会显示在这里。也可以把文件拖放到此窗口。</translation>
    </message>
</context>
<context>
    <name>TocPanel</name>
    <message>
        <location filename="../../src/readmark/ui/toc_panel.py" line="17"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../src/readmark/ui/app.py" line="49"/>
        <source>Your library is unavailable</source>
        <translation>书库不可用</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/app.py" line="50"/>
        <source>You can still read; positions will not be saved.</source>
        <translation>你仍然可以阅读，但不会保存阅读位置。</translation>
    </message>
</context>
</TS>
