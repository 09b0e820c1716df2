<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="47"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="48"/>
        <source>&amp;Close Book</source>
        <translation>关闭图书(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="49"/>
        <source>Open the &amp;Guide</source>
        <translation>打开使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="50"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="51"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="54"/>
        <source>&amp;Table of Contents</source>
        <translation>目录(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="55"/>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="57"/>
        <source>Ne&amp;xt Pane</source>
        <translation>下一个窗格(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="58"/>
        <source>Previous Pa&amp;ne</source>
        <translation>上一个窗格(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="59"/>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="60"/>
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="61"/>
        <source>&amp;Default Text Size</source>
        <translation>默认字号(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="62"/>
        <source>Choose &amp;Font…</source>
        <translation>选择字体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="63"/>
        <source>Use the Book&apos;s Default Font</source>
        <translation>使用图书的默认字体</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="67"/>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="68"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="69"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="70"/>
        <source>S&amp;epia</source>
        <translation>棕褐色(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="78"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="79"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="80"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="81"/>
        <source>Copy as &amp;Quote</source>
        <translation>复制为引文(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="83"/>
        <source>Copy the selection with its author, title and chapter</source>
        <translation>复制所选文字，并附上作者、书名和章节</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="85"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="86"/>
        <source>Search the whole book</source>
        <translation>在整本书中查找</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="87"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="88"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="89"/>
        <source>Search &amp;Library…</source>
        <translation>搜索书库(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="90"/>
        <source>Search the text of every book and every note</source>
        <translation>搜索每本书的正文和每条笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="91"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="93"/>
        <source>Copy &amp;Link to Here</source>
        <translation>复制指向此处的链接(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="96"/>
        <source>Copy a readmark:// link to the selection or the place being read: pasted in your notes, it opens the book here</source>
        <translation>复制指向所选文字或当前阅读位置的 readmark:// 链接：粘贴到笔记中，点击即可回到书中此处</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="102"/>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="103"/>
        <source>Highlight the selection in the colour used last</source>
        <translation>用上次使用的颜色高亮所选文字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="108"/>
        <source>Highlight &amp;Yellow</source>
        <translation>黄色高亮(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="109"/>
        <source>Highlight &amp;Green</source>
        <translation>绿色高亮(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="110"/>
        <source>Highlight &amp;Blue</source>
        <translation>蓝色高亮(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="111"/>
        <source>Highlight &amp;Pink</source>
        <translation>粉色高亮(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="112"/>
        <source>Highlight P&amp;urple</source>
        <translation>紫色高亮(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="120"/>
        <source>&amp;Underline</source>
        <translation>下划线(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="121"/>
        <source>Add &amp;Note…</source>
        <translation>添加笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="123"/>
        <source>A note on the selection, or at the caret when nothing is selected</source>
        <translation>为所选文字添加笔记；未选择文字时，在光标处添加</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="125"/>
        <source>Toggle &amp;Bookmark</source>
        <translation>添加/移除书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="128"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="129"/>
        <source>&amp;Next Chapter</source>
        <translation>下一章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="130"/>
        <source>&amp;Previous Chapter</source>
        <translation>上一章(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="131"/>
        <source>Go to Printed &amp;Page…</source>
        <translation>转到印刷页码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="133"/>
        <source>Go to a page of the printed book this one was converted from</source>
        <translation>转到本书所转换自的印刷版中的某一页</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="137"/>
        <source>&amp;Repair Book Converted from Print</source>
        <translation>修复由纸质书转换的图书(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="140"/>
        <source>Join paragraphs split at page breaks and attach stranded footnotes (the file is never changed)</source>
        <translation>接合被换页截断的段落，并把孤立的脚注挂回原处（不会改动文件）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="144"/>
        <source>&amp;About Readmark</source>
        <translation>关于 Readmark(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="147"/>
        <source>Detect &amp;Chapters</source>
        <translation>识别章节(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="148"/>
        <source>Text &amp;Encoding</source>
        <translation>文本编码(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="152"/>
        <location filename="../../src/readmark/ui/shell/actions.py" line="347"/>
        <source>Detect Automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="155"/>
        <source>Chinese Simplified (GB18030/GBK)</source>
        <translation>简体中文（GB18030/GBK）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="156"/>
        <source>Chinese Traditional (Big5)</source>
        <translation>繁体中文（Big5）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="157"/>
        <source>Japanese (Shift_JIS)</source>
        <translation>日文（Shift_JIS）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="158"/>
        <source>Japanese (ISO-2022-JP)</source>
        <translation>日文（ISO-2022-JP）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="159"/>
        <source>Korean (EUC-KR)</source>
        <translation>韩文（EUC-KR）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="160"/>
        <source>Korean (ISO-2022-KR)</source>
        <translation>韩文（ISO-2022-KR）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="161"/>
        <source>Western (Windows-1252)</source>
        <translation>西文（Windows-1252）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="162"/>
        <source>Western (ISO 8859-1)</source>
        <translation>西文（ISO 8859-1）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="170"/>
        <source>Chapter &amp;Rules…</source>
        <translation>章节规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="178"/>
        <source>&amp;Export Annotations…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="179"/>
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="180"/>
        <source>Export A&amp;ll Books</source>
        <translation>导出所有书籍(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="182"/>
        <source>Write every book&apos;s note into the export folder, updating those there</source>
        <translation>把每本书的笔记写入导出文件夹，已有的笔记就地更新</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="184"/>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="185"/>
        <source>Bring your marks in step with your other computers</source>
        <translation>让批注与您的其他计算机保持一致</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="186"/>
        <source>Export &amp;Folder…</source>
        <translation>导出文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="188"/>
        <source>Choose the folder for every book&apos;s notes, e.g. an Obsidian vault</source>
        <translation>选择存放每本书笔记的文件夹，例如 Obsidian 仓库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="190"/>
        <source>&amp;Back Up Library Now</source>
        <translation>立即备份书库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="191"/>
        <source>Backups and &amp;Restore…</source>
        <translation>备份与恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="192"/>
        <source>&amp;Annotations Panel</source>
        <translation>批注面板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="195"/>
        <source>Show &amp;Library</source>
        <translation>显示书库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="196"/>
        <source>Add &amp;Books to Library…</source>
        <translation>将图书添加到书库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="197"/>
        <source>Add &amp;Folder to Library…</source>
        <translation>将文件夹添加到书库(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="198"/>
        <source>Add every book in a folder and its subfolders</source>
        <translation>添加文件夹及其子文件夹中的所有图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="199"/>
        <source>&amp;Watch Folder…</source>
        <translation>监视文件夹(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="201"/>
        <source>Add the books that appear in a folder, now and whenever Readmark runs</source>
        <translation>添加出现在某个文件夹中的图书：现在，以及每次 Readmark 运行时</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="203"/>
        <source>Stop &amp;Watching</source>
        <translation>停止监视(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="19"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="20"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="21"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="282"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="22"/>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="23"/>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="24"/>
        <source>&amp;Book</source>
        <translation>图书(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="25"/>
        <source>&amp;Library</source>
        <translation>书库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/menu_bar.py" line="26"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="326"/>
        <source>Highlight “{name}”</source>
        <translation>高亮为“{name}”</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/actions.py" line="345"/>
        <source>Detect Automatically (found: {encoding})</source>
        <translation>自动识别（识别结果：{encoding}）</translation>
    </message>
</context>
<context>
    <name>AnnotatedReaderView</name>
    <message>
        <location filename="../../src/readmark/ui/reader/annotated_reader.py" line="511"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="69"/>
        <source>Select some text first.</source>
        <translation>请先选择一些文字。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="75"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="95"/>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="109"/>
        <source>Add Note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="157"/>
        <source>Link copied: paste it in your notes to come back here.</source>
        <translation>链接已复制：粘贴到笔记中，以后可回到此处。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="179"/>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="294"/>
        <source>Remove Bookmark</source>
        <translation>移除书签</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="180"/>
        <source>Bookmark removed.</source>
        <translation>书签已移除。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="186"/>
        <source>Add Bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="187"/>
        <source>Bookmarked: {label}</source>
        <translation>已添加书签：{label}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="198"/>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="207"/>
        <source>Rename Bookmark</source>
        <translation>重命名书签</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="199"/>
        <source>Bookmark name:</source>
        <translation>书签名称：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="222"/>
        <source>This passage is no longer in the book.</source>
        <translation>书中已找不到这段文字。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="245"/>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="253"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="259"/>
        <source>Change Colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="264"/>
        <source>Change Style</source>
        <translation>更改样式</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="293"/>
        <source>Rename Bookmark…</source>
        <translation>重命名书签…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="364"/>
        <source>Add Note Here…</source>
        <translation>在此处添加笔记…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="378"/>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="385"/>
        <source>Edit Note…</source>
        <translation>编辑笔记…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="385"/>
        <source>Add Note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="387"/>
        <source>Delete Note</source>
        <translation>删除笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/controller.py" line="387"/>
        <source>Delete Highlight</source>
        <translation>删除高亮</translation>
    </message>
</context>
<context>
    <name>AnnotationSession</name>
    <message>
        <location filename="../../src/readmark/ui/annotations/session.py" line="131"/>
        <source>Placing the annotations was cancelled: they are shown where they were; they are placed again when the book is next opened.</source>
        <translation>已取消重新定位批注：批注显示在原来的位置；下次打开此书时会再次定位。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/session.py" line="205"/>
        <source>That could not be done to this annotation; nothing was changed.</source>
        <translation>无法对这条批注执行此操作；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="170"/>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="244"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="194"/>
        <source>Filter by text</source>
        <translation>按文字筛选</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="195"/>
        <source>Filter annotations by text</source>
        <translation>按文字筛选批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="204"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="205"/>
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="206"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="207"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="208"/>
        <source>Notes include highlights that carry a note</source>
        <translation>“笔记”也包括带有笔记的高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="209"/>
        <source>Kinds of annotation shown</source>
        <translation>显示的批注种类</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="222"/>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="399"/>
        <source>Show or hide {colour}</source>
        <translation>显示或隐藏{colour}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="246"/>
        <source>Enter goes to the passage; F2 edits the note; Delete deletes</source>
        <translation>回车跳到该段落；F2 编辑笔记；Delete 删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="272"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="274"/>
        <source>Export this book&apos;s annotations to a file</source>
        <translation>将本书的批注导出到文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="437"/>
        <source>Section {number}</source>
        <translation>第 {number} 节</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="438"/>
        <source>Front matter</source>
        <translation>正文前部分</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="443"/>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="465"/>
        <source>Not found in this version of the book</source>
        <translation>在此版本的书中找不到</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="534"/>
        <source>No annotations yet.

Select text in the book to highlight it or add a note. Bookmarks you add are listed here too.</source>
        <translation>还没有批注。

在书中选中文字即可高亮或添加笔记。你添加的书签也会列在这里。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="540"/>
        <source>No annotations match the filter.</source>
        <translation>没有符合筛选条件的批注。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="546"/>
        <source>{shown} of 1 annotation</source>
        <translation>{shown} / 1 条批注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/readmark/ui/annotations/panel.py" line="548"/>
        <source>{shown} of %Ln annotations</source>
        <translation>
            <numerusform>{shown} / %Ln 条批注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/readmark/ui/annotations/panel.py" line="554"/>
        <source>%Ln annotations</source>
        <translation>
            <numerusform>%Ln 条批注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="552"/>
        <source>1 annotation</source>
        <translation>1 条批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="614"/>
        <source>Go to</source>
        <translation>转到</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="617"/>
        <source>Rename Bookmark…</source>
        <translation>重命名书签…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="619"/>
        <source>Edit Note…</source>
        <translation>编辑笔记…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="621"/>
        <source>Copy Text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="625"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="644"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="645"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="646"/>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="651"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="647"/>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="648"/>
        <source>Created {date}</source>
        <translation>创建于 {date}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="649"/>
        <source>Edited {date}</source>
        <translation>编辑于 {date}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/panel.py" line="650"/>
        <source>Originally: {quote}</source>
        <translation>原文：{quote}</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../src/readmark/ui/shell/appearance.py" line="86"/>
        <source>Your preferences could not be saved to {path}.</source>
        <translation>无法将你的偏好设置保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>Arrivals</name>
    <message>
        <location filename="../../src/readmark/ui/shell/arrivals.py" line="113"/>
        <source>Not added, the library being unavailable: {books}</source>
        <translation>书库不可用，未加入：{books}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/arrivals.py" line="120"/>
        <source>Added to your library (Ctrl+L): {books}</source>
        <translation>已加入书库（Ctrl+L）：{books}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/arrivals.py" line="124"/>
        <source>Links not followed, one place being shown at a time: {count}</source>
        <translation>未跟随的链接（一次只显示一处）：{count}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/arrivals.py" line="137"/>
        <source>{names} and {count} more</source>
        <translation>{names} 及另外 {count} 本</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="55"/>
        <source>Annotation Backups</source>
        <translation>批注备份</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="58"/>
        <source>Readmark backs up your highlights, notes and bookmarks (of every book) regularly. Restoring a backup replaces them all with the backup&apos;s.</source>
        <translation>Readmark 会定期备份你（所有书中）的高亮、笔记和书签。恢复一个备份会用备份中的内容替换它们全部。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="71"/>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="71"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="71"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="71"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="75"/>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="78"/>
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="81"/>
        <source>Restore Selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="104"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="105"/>
        <source>Backed up by you</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="106"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="107"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="113"/>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="115"/>
        <source>1 annotation</source>
        <translation>1 条批注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="117"/>
        <source>%Ln annotations</source>
        <translation>
            <numerusform>%Ln 条批注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="129"/>
        <source>This backup cannot be read</source>
        <translation>无法读取此备份</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="131"/>
        <source>Made by a newer version of Readmark</source>
        <translation>由较新版本的 Readmark 创建</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="160"/>
        <source>Restore Backup?</source>
        <translation>恢复备份？</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="161"/>
        <source>Restore the backup made {when}?</source>
        <translation>恢复 {when} 的备份？</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="170"/>
        <source>All your current highlights, notes and bookmarks, in every book, will be replaced by the {count} in this backup. They are backed up first, so you can go back to them from this list.</source>
        <translation>所有书中你当前的高亮、笔记和书签都将被此备份中的 {count} 条批注替换。替换前会先备份它们，因此你可以从此列表中恢复回来。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/backup_dialog.py" line="175"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>BackupNow</name>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="40"/>
        <source>Cancel Backup</source>
        <translation>取消备份</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="50"/>
        <source>The library is being backed up already.</source>
        <translation>书库正在备份中。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="62"/>
        <source>Backing up the library…</source>
        <translation>正在备份书库…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="81"/>
        <source>Too late to cancel: the library was backed up to {path}</source>
        <translation>已来不及取消：书库已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="92"/>
        <source>The backup was cancelled; no file was left.</source>
        <translation>备份已取消，未留下任何文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="83"/>
        <source>Backed up the library to {path}</source>
        <translation>已将书库备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="94"/>
        <source>The backup failed</source>
        <translation>备份失败</translation>
    </message>
</context>
<context>
    <name>BookError</name>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="48"/>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="49"/>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="50"/>
        <location filename="../../src/readmark/core/textio.py" line="51"/>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="52"/>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="53"/>
        <source>a ZIP archive (an EPUB or office document?)</source>
        <translation>ZIP 压缩包（也许是 EPUB 或办公文档？）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="54"/>
        <source>a ZIP archive</source>
        <translation>ZIP 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="55"/>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="56"/>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="57"/>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="60"/>
        <source>an old Microsoft Office document</source>
        <translation>旧版 Microsoft Office 文档</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="62"/>
        <source>a program</source>
        <translation>可执行程序</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="63"/>
        <source>a Windows program</source>
        <translation>Windows 程序</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="64"/>
        <source>an SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="65"/>
        <source>a BMP image</source>
        <translation>BMP 图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="66"/>
        <source>an MP3 audio file</source>
        <translation>MP3 音频文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="67"/>
        <source>an Ogg audio file</source>
        <translation>Ogg 音频文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="68"/>
        <source>a FLAC audio file</source>
        <translation>FLAC 音频文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/archive.py" line="107"/>
        <source>“{name}” has {count} files inside; Readmark opens EPUBs with up to {limit}.</source>
        <translation>“{name}”内含 {count} 个文件；Readmark 只打开最多含 {limit} 个文件的 EPUB。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/archive.py" line="126"/>
        <source>“{name}” expands to far more than its size (a “zip bomb”); it was not opened.</source>
        <translation>“{name}”解压后远大于自身大小（“压缩炸弹”），因此没有打开。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/archive.py" line="201"/>
        <location filename="../../src/readmark/core/formats/html/loader.py" line="147"/>
        <location filename="../../src/readmark/core/textio.py" line="102"/>
        <location filename="../../src/readmark/core/textio.py" line="118"/>
        <source>“{name}” is empty.</source>
        <translation>“{name}”是空文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/archive.py" line="205"/>
        <source>“{name}” is {kind}, not an EPUB book.</source>
        <translation>“{name}”是{kind}，不是 EPUB 图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/archive.py" line="211"/>
        <source>“{name}” is damaged or incomplete: its ZIP archive cannot be read.</source>
        <translation>“{name}”已损坏或不完整：无法读取其中的 ZIP 压缩包。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/archive.py" line="217"/>
        <source>“{name}” is not an EPUB book (it is not a ZIP archive).</source>
        <translation>“{name}”不是 EPUB 图书（它不是 ZIP 压缩包）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="303"/>
        <location filename="../../src/readmark/core/textio.py" line="328"/>
        <source>“{name}” is a binary file, not a text book.</source>
        <translation>“{name}”是二进制文件，不是文本图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="235"/>
        <location filename="../../src/readmark/core/textio.py" line="276"/>
        <source>“{name}” is a folder, not a book.</source>
        <translation>“{name}”是文件夹，不是图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="220"/>
        <location filename="../../src/readmark/core/textio.py" line="273"/>
        <source>“{name}” does not exist.</source>
        <translation>“{name}”不存在。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="238"/>
        <source>a named pipe</source>
        <translation>命名管道</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="240"/>
        <source>a device</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="242"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="244"/>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="246"/>
        <source>“{name}” is not a regular file ({kind}); Readmark opens only ordinary files.</source>
        <translation>“{name}”不是普通文件（{kind}）；Readmark 只打开普通文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="280"/>
        <source>Readmark is not allowed to read “{name}”.</source>
        <translation>Readmark 没有读取“{name}”的权限。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="284"/>
        <source>“{name}” could not be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="259"/>
        <source>“{name}” is too big ({size} MB); Readmark opens books up to {limit} MB.</source>
        <translation>“{name}”太大（{size} MB）；Readmark 最多只能打开 {limit} MB 的图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="339"/>
        <source>“{name}” is {kind}, not a text book.</source>
        <translation>“{name}”是{kind}，不是文本图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/textio.py" line="360"/>
        <source>“{name}” has a line of {length} characters; it does not look like a book.</source>
        <translation>“{name}”中有一行长达 {length} 个字符，看起来不像是一本书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/__init__.py" line="32"/>
        <source>Readmark cannot open {suffix} files yet.</source>
        <translation>Readmark 暂时还不能打开 {suffix} 文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/loader.py" line="61"/>
        <source>“{name}” is damaged: none of the {count} parts listed in its package can be read from the file.</source>
        <translation>“{name}”已损坏：其包文件中列出的 {count} 个部分都无法从文件中读取。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/package.py" line="100"/>
        <source>“{name}” is not a readable EPUB: it has no package document (OPF).</source>
        <translation>“{name}”不是可读的 EPUB：它没有包文档（OPF）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/package.py" line="113"/>
        <source>“{name}” is damaged: its package document (OPF) cannot be read.</source>
        <translation>“{name}”已损坏：无法读取其包文档（OPF）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/encoding.py" line="97"/>
        <source>Readmark does not know the text encoding “{encoding}”.</source>
        <translation>Readmark 不认识文本编码“{encoding}”。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/encoding.py" line="107"/>
        <source>The text encoding “{encoding}” cannot read this book.</source>
        <translation>文本编码“{encoding}”无法读取这本书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/operations/library_books.py" line="104"/>
        <source>The folder “{name}” cannot be read: {reason}</source>
        <translation>无法读取文件夹“{name}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/operations/library_books.py" line="167"/>
        <source>“{name}” cannot be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
    </message>
</context>
<context>
    <name>BookExport</name>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="103"/>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="125"/>
        <source>Updated the note {path} ({count} annotations)</source>
        <translation>已更新笔记 {path}（{count} 条批注）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="127"/>
        <source>Exported {count} annotations to {path}</source>
        <translation>已将 {count} 条批注导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="136"/>
        <source>The annotations could not be exported</source>
        <translation>无法导出批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="141"/>
        <source>Writing {path} failed: {reason}</source>
        <translation>写入 {path} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="147"/>
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="155"/>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
</context>
<context>
    <name>BookOpener</name>
    <message>
        <location filename="../../src/readmark/ui/shell/book_opener.py" line="78"/>
        <source>Opening “{name}”…</source>
        <translation>正在打开“{name}”…</translation>
    </message>
</context>
<context>
    <name>ChapterRule</name>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="85"/>
        <source>Chinese volumes and parts: 第一卷, 第二部, 卷一, 卷之三, 上卷</source>
        <translation>中文卷与部：第一卷、第二部、卷一、卷之三、上卷</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="96"/>
        <source>Chinese chapters: 第一章, 第十二回, 第3章, 第１２话, with Chinese, Arabic or full-width numerals</source>
        <translation>中文章回：第一章、第十二回、第3章、第１２话，可用汉字、阿拉伯或全角数字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="107"/>
        <source>Chinese sections: 第一节, 第3节</source>
        <translation>中文小节：第一节、第3节</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="118"/>
        <source>Chinese named parts: 序, 序章, 前言, 引子, 楔子, 尾声, 后记, 番外, 附录</source>
        <translation>中文专名部分：序、序章、前言、引子、楔子、尾声、后记、番外、附录</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="131"/>
        <source>English parts, books and volumes: Part One, BOOK II, Volume 3</source>
        <translation>英文部、卷、册：Part One、BOOK II、Volume 3</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="142"/>
        <source>English chapters: Chapter 1, CHAPTER XII, Chapter Twenty-One, with Arabic or Roman numerals or numbers in words</source>
        <translation>英文章节：Chapter 1、CHAPTER XII、Chapter Twenty-One，可用阿拉伯数字、罗马数字或英文数词</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="153"/>
        <source>English named parts: Prologue, Preface, Foreword, Introduction, Interlude, Epilogue, Afterword, Appendix</source>
        <translation>英文专名部分：Prologue、Preface、Foreword、Introduction、Interlude、Epilogue、Afterword、Appendix</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/chapters.py" line="168"/>
        <source>A Roman numeral on a line of its own (I., II, XII.), or before a title; only in books with at least two</source>
        <translation>单独成行的罗马数字（I.、II、XII.）或其后带标题；书中至少出现两次才算</translation>
    </message>
</context>
<context>
    <name>ChapterRulesDialog</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="33"/>
        <source>Chapter Rules</source>
        <translation>章节规则</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="36"/>
        <source>Chapter detection is off for this book: it is one continuous text.</source>
        <translation>这本书的章节识别已关闭：全书作为一段连续的文字显示。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="39"/>
        <source>{count} chapter headings were found in this book by the rules below. A line counts only when it stands alone, like a heading, not inside a sentence.</source>
        <translation>按下列规则，在这本书中找到 {count} 个章节标题。只有像标题那样单独成行的文字才算，句子中间提到的不算。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="43"/>
        <source>No chapter headings were found in this book by the rules below.</source>
        <translation>按下列规则，在这本书中没有找到章节标题。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="49"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="49"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="49"/>
        <source>Found in this book</source>
        <translation>本书中找到</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/chapter_rules_dialog.py" line="74"/>
        <source>Detect chapters in this book</source>
        <translation>识别这本书的章节</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../src/readmark/cli.py" line="178"/>
        <source>Title</source>
        <translation>书名</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="179"/>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="180"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="181"/>
        <source>Publisher</source>
        <translation>出版者</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="182"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="183"/>
        <source>ISBN</source>
        <translation>书号（ISBN）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="184"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="185"/>
        <source>Sections</source>
        <translation>分节数</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="187"/>
        <source>Chapters found by</source>
        <translation>章节识别规则</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="190"/>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="191"/>
        <source>Printed pages</source>
        <translation>印刷页码</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="197"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="205"/>
        <source>There is no section {number}; this book has {count}.</source>
        <translation>没有第 {number} 节；这本书共有 {count} 节。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="243"/>
        <source>{count} (p. {first} to p. {last})</source>
        <translation>{count} 页（第 {first} 页至第 {last} 页）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="258"/>
        <source>[p. {page}]</source>
        <translation>[第 {page} 页]</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="276"/>
        <source>export needs a BOOK, or --all --folder DIR.</source>
        <translation>export 需要一本书 BOOK，或 --all --folder 文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="285"/>
        <source>“{path}” is not in the library: open it in Readmark first.</source>
        <translation>“{path}”不在书库中：请先在 Readmark 中打开它。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="309"/>
        <source>“{path}” cannot be written: {reason}</source>
        <translation>无法写入“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="326"/>
        <source>--all writes notes: use --format obsidian or logseq.</source>
        <translation>--all 只写笔记：请用 --format obsidian 或 logseq。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="331"/>
        <source>--all needs --folder DIR.</source>
        <translation>--all 需要 --folder 文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="345"/>
        <source>New notes: {new}, updated: {updated}, failed: {failed}</source>
        <translation>新建笔记：{new}，已更新：{updated}，失败：{failed}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="369"/>
        <source>--dry-run is for other readers&apos; files.</source>
        <translation>--dry-run 只用于其他阅读器的文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="378"/>
        <location filename="../../src/readmark/cli_library.py" line="70"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="379"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="380"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="381"/>
        <source>Waiting for their book to be opened</source>
        <translation>等待打开所属图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="382"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="387"/>
        <source>Added to the library: {path}</source>
        <translation>已添加到书库：{path}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="521"/>
        <source>no such file or command: {word} (the commands are {commands})</source>
        <translation>没有这个文件或命令：{word}（可用的命令有 {commands}）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli.py" line="557"/>
        <source>no graphical display is available (DISPLAY and WAYLAND_DISPLAY are not set, or the display does not answer), so the reader window cannot open. Run it on a desktop, or under a virtual display: xvfb-run readmark. Without a display you can still use `readmark info BOOK` and `readmark text BOOK`.</source>
        <translation>没有可用的图形显示（未设置 DISPLAY 和 WAYLAND_DISPLAY，或显示没有响应），因此无法打开阅读窗口。请在桌面环境中运行，或在虚拟显示下运行：xvfb-run readmark。没有显示时仍可使用 `readmark info 图书` 和 `readmark text 图书`。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/launch.py" line="113"/>
        <source>“{path}” does not exist.</source>
        <translation>“{path}”不存在。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/launch.py" line="151"/>
        <source>the book this link points to is not in your library: open the book in Readmark once, and its links will work.</source>
        <translation>此链接指向的书不在你的书库中：先用 Readmark 打开这本书一次，它的链接就能用了。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/launch.py" line="165"/>
        <source>--install-desktop is for Linux and BSD desktops; on Windows and macOS the installer registers Readmark with the system.</source>
        <translation>--install-desktop 适用于 Linux 和 BSD 桌面；在 Windows 和 macOS 上，由安装程序向系统注册 Readmark。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="72"/>
        <source>Moved or renamed (annotations and place kept)</source>
        <translation>已移动或重命名（批注和阅读位置均保留）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="75"/>
        <source>Back in the library</source>
        <translation>已重新放回书库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="76"/>
        <source>Already in the library</source>
        <translation>已在书库中</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="81"/>
        <source>Could not be added</source>
        <translation>无法添加</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="85"/>
        <source>“{path}” was not added: {reason}</source>
        <translation>未添加“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="128"/>
        <source>read {date}</source>
        <translation>{date} 阅读</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="137"/>
        <source>The library is empty: add books with `readmark library add PATH`.</source>
        <translation>书库是空的：用 `readmark library add 路径` 添加图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="165"/>
        <location filename="../../src/readmark/cli_search.py" line="122"/>
        <source>“{book}” is not in the library (give its path, or its exact title).</source>
        <translation>“{book}”不在书库中（请给出其路径或完整书名）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="173"/>
        <source>Removed “{title}” from the library.</source>
        <translation>已将《{title}》移出书库。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="184"/>
        <source>Its {count} annotations were deleted; the backup made first holds them: {path}</source>
        <translation>它的 {count} 条批注已删除；删除前所做的备份中仍保留着它们：{path}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_library.py" line="188"/>
        <source>Its {count} annotations are kept: they come back when you add or open the book again.</source>
        <translation>它的 {count} 条批注已保留：再次添加或打开这本书时会恢复。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="39"/>
        <source>Format: {name}</source>
        <translation>格式：{name}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="45"/>
        <source>in the library: {path}</source>
        <translation>书库中：{path}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="47"/>
        <source>not in the library</source>
        <translation>不在书库中</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="49"/>
        <source>(no title)</source>
        <translation>（无书名）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="52"/>
        <source>Will be placed: {n}</source>
        <translation>将放到书中：{n}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="56"/>
        <source>Already here: {n}</source>
        <translation>已经存在：{n}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="58"/>
        <source>Cannot be found (kept with their quote): {n}</source>
        <translation>找不到（连同引文保留）：{n}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="64"/>
        <source>Not imported, the file names no book (give it with --book): {n}</source>
        <translation>未导入，文件未注明是哪本书（请用 --book 指定）：{n}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="71"/>
        <source>Left out: {reason}: {n}</source>
        <translation>略去：{reason}：{n}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="76"/>
        <source>Nothing was written (--dry-run).</source>
        <translation>未写入任何内容（--dry-run）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_import.py" line="81"/>
        <source>Imported: {n}</source>
        <translation>已导入：{n}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="77"/>
        <source>--limit must be at least 1.</source>
        <translation>--limit 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="86"/>
        <source>The search index {path} cannot be used: {reason}</source>
        <translation>无法使用搜索索引 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="105"/>
        <source>readmark: the search index was damaged or out of date; it is made anew.</source>
        <translation>readmark：搜索索引已损坏或已过时，正在重新建立。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="109"/>
        <source>readmark: the search index is made anew for this version.</source>
        <translation>readmark：正在为此版本重新建立搜索索引。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="134"/>
        <source>There is no collection “{name}” in the library.</source>
        <translation>书库中没有名为“{name}”的合集。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="154"/>
        <source>readmark: “{path}” is not indexed: {reason}</source>
        <translation>readmark：“{path}”未能编入索引：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="165"/>
        <source>(more hits than listed: narrow the search, or use --limit)</source>
        <translation>（结果多于所列：请缩小搜索范围，或使用 --limit）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="179"/>
        <source>Indexing {count} books…</source>
        <translation>正在为 {count} 本书建立索引…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="224"/>
        <source>note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="225"/>
        <source>highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="254"/>
        <source>Say what to search for.</source>
        <translation>请给出要查找的内容。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_search.py" line="270"/>
        <source>Found: {count}</source>
        <translation>找到: {count}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_sync.py" line="44"/>
        <source>No sync folder yet: give one with --folder DIR (it is remembered).</source>
        <translation>尚未设置同步文件夹：请用 --folder DIR 指定（会被记住）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_sync.py" line="57"/>
        <source>readmark: the sync folder could not be remembered in {path}.</source>
        <translation>readmark：无法在 {path} 中记住同步文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/cli_sync.py" line="63"/>
        <source>Changes in: {incoming}, out: {outgoing}</source>
        <translation>收到的更改：{incoming}，发出的更改：{outgoing}</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <location filename="../../src/readmark/ui/library/collections_panel.py" line="35"/>
        <source>Collections</source>
        <translation>收藏夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/collections_panel.py" line="40"/>
        <location filename="../../src/readmark/ui/library/collections_panel.py" line="95"/>
        <source>New Collection…</source>
        <translation>新建收藏夹…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/collections_panel.py" line="58"/>
        <source>All Books ({count})</source>
        <translation>全部图书（{count}）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/collections_panel.py" line="92"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/collections_panel.py" line="93"/>
        <source>Delete Collection</source>
        <translation>删除收藏夹</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <location filename="../../src/readmark/ui/palette.py" line="89"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/palette.py" line="90"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/palette.py" line="91"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/palette.py" line="92"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/palette.py" line="93"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>DesktopIntegration</name>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="132"/>
        <source>Installed Readmark&apos;s menu entry, icons and file types in {folder}</source>
        <translation>已在 {folder} 安装 Readmark 的菜单项、图标和文件类型</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="138"/>
        <source>It starts: {command}</source>
        <translation>启动命令：{command}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="146"/>
        <source>Could not install: {reason}</source>
        <translation>无法安装：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="153"/>
        <source>Readmark now opens by default: {types}</source>
        <translation>Readmark 现在是以下类型的默认程序：{types}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="176"/>
        <source>Could not uninstall: {reason}</source>
        <translation>无法卸载：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="182"/>
        <source>Removed {count} files of Readmark&apos;s desktop integration from {folder}</source>
        <translation>已从 {folder} 删除 Readmark 桌面集成的 {count} 个文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="297"/>
        <source>{tool} is not installed, so the desktop may notice Readmark only after you log in again (Debian and Ubuntu: desktop-file-utils, shared-mime-info).</source>
        <translation>未安装 {tool}，桌面可能要在你重新登录后才会发现 Readmark（Debian 和 Ubuntu：desktop-file-utils、shared-mime-info）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="316"/>
        <location filename="../../src/readmark/desktop_integration.py" line="324"/>
        <source>{tool} failed: {reason}</source>
        <translation>{tool} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/desktop_integration.py" line="330"/>
        <source>Refreshed with {tool}.</source>
        <translation>已用 {tool} 刷新。</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="25"/>
        <source>Book Details</source>
        <translation>图书信息</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="31"/>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="36"/>
        <source>Separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="37"/>
        <source>Kept in Readmark&apos;s library; the book file is not changed.</source>
        <translation>保存在 Readmark 的书库中；图书文件不会被修改。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="40"/>
        <source>&amp;Title:</source>
        <translation>书名(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="41"/>
        <source>&amp;Authors:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="42"/>
        <source>&amp;Series:</source>
        <translation>丛书(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/details_dialog.py" line="43"/>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>EpubNote</name>
    <message>
        <location filename="../../src/readmark/core/formats/epub/render.py" line="31"/>
        <source>This part of the book ({name}) is missing from the book file.</source>
        <translation>书中的这一部分（{name}）在书籍文件中缺失。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/render.py" line="34"/>
        <source>This part of the book ({name}) is too large to show.</source>
        <translation>书中的这一部分（{name}）太大，无法显示。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/formats/epub/render.py" line="37"/>
        <source>This part of the book ({name}) is damaged in the book file.</source>
        <translation>书中的这一部分（{name}）在书籍文件中已损坏。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="59"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="60"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="61"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="64"/>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="65"/>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="66"/>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="67"/>
        <source>pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="68"/>
        <source>purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="70"/>
        <source>underlined</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="71"/>
        <source>not found in the book as it is now</source>
        <translation>在当前版本的书中找不到</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="72"/>
        <source>Not found in the book as it is now</source>
        <translation>在当前版本的书中找不到</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="73"/>
        <source>The text of these annotations is no longer in the book (it was edited or replaced); they are kept as they were made.</source>
        <translation>这些标注的原文已不在书中（书被修改或替换了）；标注按创建时的样子保留。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="78"/>
        <source>Beginning</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="79"/>
        <source>This book has no annotations yet.</source>
        <translation>这本书还没有标注。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="80"/>
        <source>Annotations: {title}</source>
        <translation>标注：{title}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/obsidian.py" line="55"/>
        <source>Deleted in Readmark</source>
        <translation>已在 Readmark 中删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/common.py" line="81"/>
        <location filename="../../src/readmark/core/export/obsidian.py" line="56"/>
        <source>Open in Readmark</source>
        <translation>在 Readmark 中打开</translation>
    </message>
</context>
<context>
    <name>ExportAllBooks</name>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="62"/>
        <source>Export Folder for Every Book&apos;s Notes</source>
        <translation>每本书笔记的导出文件夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="70"/>
        <source>The export folder could not be saved in the settings</source>
        <translation>无法把导出文件夹保存到设置中</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="71"/>
        <source>Notes will be exported to {path}</source>
        <translation>笔记将导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="82"/>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="155"/>
        <source>The notes could not be exported</source>
        <translation>无法导出笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="105"/>
        <source>Exporting every book&apos;s notes…</source>
        <translation>正在导出每本书的笔记…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="108"/>
        <source>Export All Books</source>
        <translation>导出所有书籍</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="119"/>
        <source>Exporting the notes of {title}…</source>
        <translation>正在导出《{title}》的笔记…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="125"/>
        <source>Export All Books was cancelled; the notes written stay</source>
        <translation>已取消“导出所有书籍”；已写好的笔记保留</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="137"/>
        <source>Notes exported to {path}: {new} new, {updated} updated</source>
        <translation>笔记已导出到 {path}：新建 {new} 篇，更新 {updated} 篇</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/export_all.py" line="145"/>
        <source>Some books&apos; notes could not be exported</source>
        <translation>部分书籍的笔记无法导出</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="78"/>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="211"/>
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="85"/>
        <source>Markdown note — for Obsidian and other notes apps</source>
        <translation>Markdown 笔记 — 用于 Obsidian 等笔记软件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="86"/>
        <source>Logseq page — an outline with block properties</source>
        <translation>Logseq 页面 — 带块属性的大纲</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="87"/>
        <source>Readwise CSV — for Readwise&apos;s importer</source>
        <translation>Readwise CSV — 用于 Readwise 的导入</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="88"/>
        <source>HTML — to read or print in a browser</source>
        <translation>HTML — 在浏览器中阅读或打印</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="89"/>
        <source>JSON (W3C Web Annotation) — for other programs</source>
        <translation>JSON（W3C Web 批注）— 供其他程序使用</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="100"/>
        <source>Include annotations not found in the book</source>
        <translation>包括在书中找不到的批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="103"/>
        <source>Their text has changed or gone in this version of the book</source>
        <translation>它们的文字在此版本的书中已更改或删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="107"/>
        <source>Keep annotations deleted in Readmark in the note, marked as deleted</source>
        <translation>在 Readmark 中删除的批注仍留在笔记中，并标为已删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="118"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="126"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="129"/>
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="138"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="176"/>
        <source>{name} exists: Readmark will update the highlights it wrote there and keep everything you wrote.</source>
        <translation>{name} 已存在：Readmark 会更新它写入的高亮，并保留你写的所有内容。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="199"/>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="200"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="201"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="202"/>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="203"/>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="235"/>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/export_dialog.py" line="236"/>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已存在。要替换它吗？</translation>
    </message>
</context>
<context>
    <name>ExportError</name>
    <message>
        <location filename="../../src/readmark/core/export/__init__.py" line="168"/>
        <source>“{name}” cannot be updated: {reason}</source>
        <translation>无法更新“{name}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/__init__.py" line="176"/>
        <source>“{name}” is not UTF-8 text, so Readmark leaves it alone: export to another file, or replace it.</source>
        <translation>“{name}”不是 UTF-8 文本，Readmark 不会改动它：请导出到另一个文件，或替换它。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/all_books.py" line="111"/>
        <source>The export folder {name} is not there: connect its drive, or choose another with File › Export Folder….</source>
        <translation>导出文件夹 {name} 不在了：请连接它所在的磁盘，或用“文件 › 导出文件夹…”另选一个。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/all_books.py" line="158"/>
        <source>No free file name for “{name}”.</source>
        <translation>找不到可用于“{name}”的文件名。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/all_books.py" line="164"/>
        <source>“{name}” cannot be written: {reason}</source>
        <translation>无法写入“{name}”：{reason}</translation>
    </message>
</context>
<context>
    <name>ExternalLink</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/external_link.py" line="16"/>
        <source>Open link in your browser?</source>
        <translation>在浏览器中打开链接？</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/external_link.py" line="17"/>
        <source>This link leads outside the book:

{url}

Open it in your web browser?</source>
        <translation>此链接指向书外：

{url}

要在浏览器中打开吗？</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="28"/>
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="32"/>
        <source>Annotations from {reader} in {file}</source>
        <translation>{file} 中来自 {reader} 的批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="42"/>
        <source>Book in the file</source>
        <translation>文件中的书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="42"/>
        <source>In your library</source>
        <translation>你的书库中</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="42"/>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="45"/>
        <source>Not in the library</source>
        <translation>不在书库中</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="47"/>
        <source>(not named)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="66"/>
        <source>Will be placed in their book:</source>
        <translation>将放到书中：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="67"/>
        <source>Already here (not imported again):</source>
        <translation>已经存在（不再导入）：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="68"/>
        <source>Cannot be found (kept with their quote):</source>
        <translation>找不到（连同引文保留）：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="73"/>
        <source>Not imported, the file names no book (open it first):</source>
        <translation>未导入，文件未注明是哪本书（请先打开那本书）：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="85"/>
        <source>Left out (earlier versions, empty, clipping limit):</source>
        <translation>略去（旧版本、空白、摘录上限）：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/import_dialog.py" line="90"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <location filename="../../src/readmark/core/export/importer.py" line="74"/>
        <source>its target ({source}) is not a book Readmark can find</source>
        <translation>其目标（{source}）不是 Readmark 能找到的图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/importer.py" line="98"/>
        <source>the library holds a version modified later; kept that one</source>
        <translation>书库中的版本修改得更晚，已保留该版本</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="89"/>
        <source>{path} is not a file that can be imported: it is a folder, a pipe or a device.</source>
        <translation>{path} 不是可以导入的文件：它是文件夹、管道或设备。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="115"/>
        <location filename="../../src/readmark/core/importers/apple_books.py" line="118"/>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="121"/>
        <location filename="../../src/readmark/core/importers/apple_books.py" line="108"/>
        <source>{path} is larger than {limit} MB; Readmark does not import files that large.</source>
        <translation>{path} 超过 {limit} MB；Readmark 不导入这么大的文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="139"/>
        <source>{path} is not JSON: it is not UTF-8 text.</source>
        <translation>{path} 不是 JSON：它不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="157"/>
        <source>{path} is not valid JSON: {reason}</source>
        <translation>{path} 不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="170"/>
        <source>The file is nested more than {limit} levels deep; it is not an annotation file.</source>
        <translation>该文件嵌套超过 {limit} 层，不是标注文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="177"/>
        <source>{path} is nested more than {limit} levels deep; it is not an annotation file.</source>
        <translation>{path} 嵌套超过 {limit} 层，不是标注文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="203"/>
        <source>The file holds text that is not valid Unicode.</source>
        <translation>该文件包含无效的 Unicode 文本。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="243"/>
        <source>the file holds this annotation again later</source>
        <translation>文件后面还有这条标注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="252"/>
        <source>The file does not hold W3C annotations: expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection.</source>
        <translation>该文件不含 W3C 标注：应为一个 Annotation、由它们组成的数组、一个 AnnotationPage 或一个 AnnotationCollection。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="280"/>
        <source>The collection&apos;s pages are not in the file (only a link to them is); save the pages themselves and import those.</source>
        <translation>该集合的分页不在文件中（只有指向它们的链接）；请保存分页本身再导入。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="296"/>
        <source>An AnnotationPage&apos;s items are not an array.</source>
        <translation>AnnotationPage 的 items 不是数组。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="312"/>
        <source>Annotation {where}: it is not a JSON object</source>
        <translation>标注 {where}：它不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="319"/>
        <source>Annotation {where}: its id is not a string</source>
        <translation>标注 {where}：其 id 不是字符串</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="325"/>
        <source>Annotation {where}: its type is not Annotation</source>
        <translation>标注 {where}：其类型不是 Annotation</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="334"/>
        <source>its motivation ({motivation}) is not highlighting, commenting or bookmarking</source>
        <translation>其用途（{motivation}）不是高亮、评论或书签</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="343"/>
        <source>it does not point at text by a quote (TextQuoteSelector)</source>
        <translation>它没有用引文（TextQuoteSelector）指向文本</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="351"/>
        <source>its quote is empty</source>
        <translation>其引文为空</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="389"/>
        <source>Annotation {where}: its motivation is not a string</source>
        <translation>标注 {where}：其 motivation 不是字符串</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="403"/>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="408"/>
        <source>Annotation {where}: it has no target</source>
        <translation>标注 {where}：没有目标（target）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="416"/>
        <source>Annotation {where}: its target is neither an object nor a link</source>
        <translation>标注 {where}：其目标既不是对象也不是链接</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="424"/>
        <source>Annotation {where}: its target has no source</source>
        <translation>标注 {where}：其目标没有来源（source）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="436"/>
        <source>Annotation {where}: a selector is not an object</source>
        <translation>标注 {where}：有一个选择器不是对象</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="453"/>
        <source>Annotation {where}: its TextPositionSelector ends before it starts</source>
        <translation>标注 {where}：其 TextPositionSelector 的结束位置在开始位置之前</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="465"/>
        <source>Annotation {where}: {name} is not a section number</source>
        <translation>标注 {where}：{name} 不是章节编号</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="485"/>
        <source>Annotation {where}: its {name} is not text</source>
        <translation>标注 {where}：其 {name} 不是文本</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="496"/>
        <source>Annotation {where}: its {name} is not a character offset</source>
        <translation>标注 {where}：其 {name} 不是字符偏移量</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="511"/>
        <source>Annotation {where}: its bodyValue is not text</source>
        <translation>标注 {where}：其 bodyValue 不是文本</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="522"/>
        <source>Annotation {where}: a body is neither an object nor a link</source>
        <translation>标注 {where}：有一个 body 既不是对象也不是链接</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="534"/>
        <source>Annotation {where}: a TextualBody has no text value</source>
        <translation>标注 {where}：有一个 TextualBody 没有文本值</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="567"/>
        <source>Annotation {where}: its {name} time is not text</source>
        <translation>标注 {where}：其 {name} 时间不是文本</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="578"/>
        <source>Annotation {where}: its {name} time ({value}) is not an ISO 8601 date</source>
        <translation>标注 {where}：其 {name} 时间（{value}）不是 ISO 8601 日期</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/export/w3c_import.py" line="595"/>
        <source>Annotation {where}: {name} has the wrong type</source>
        <translation>标注 {where}：{name} 的类型不对</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/__init__.py" line="81"/>
        <source>{path} is not an annotation file Readmark can import (Kindle My Clippings.txt, a KOReader sidecar, a calibre or W3C annotations export, Apple Books&apos; AEAnnotation database, a Readest book&apos;s config.json).</source>
        <translation>{path} 不是 Readmark 能导入的批注文件（Kindle 的 My Clippings.txt、KOReader 的 sidecar 文件、calibre 或 W3C 批注导出文件、Apple Books 的 AEAnnotation 数据库、Readest 书籍的 config.json）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/__init__.py" line="123"/>
        <source>{path} is not a file that can be imported: it is a folder without KOReader sidecars (metadata.*.lua).</source>
        <translation>{path} 不是可以导入的文件：它是一个不含 KOReader sidecar 文件（metadata.*.lua）的文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/apple_books.py" line="60"/>
        <source>{path} is a database, but not Apple Books&apos; annotations (AEAnnotation) in a shape Readmark can read.</source>
        <translation>{path} 是一个数据库，但不是 Readmark 能读取的 Apple Books 批注（AEAnnotation）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/calibre.py" line="41"/>
        <source>The file is not a calibre annotations export.</source>
        <translation>该文件不是 calibre 的批注导出文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/calibre.py" line="46"/>
        <source>The calibre export holds no list of annotations.</source>
        <translation>该 calibre 导出文件中没有批注列表。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="36"/>
        <source>The file is not a KOReader sidecar Readmark can read: its tables nest more than {limit} deep.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：其中的表嵌套超过 {limit} 层。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="40"/>
        <source>The file is not a KOReader sidecar Readmark can read: it holds code, not only data; Readmark never runs it.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：其中含有代码，而不只是数据；Readmark 从不运行它。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="45"/>
        <source>The file is not a KOReader sidecar Readmark can read: a string or comment is not closed.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：有一个字符串或注释没有结束。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="63"/>
        <source>The file is larger than a KOReader sidecar can be ({limit} MB); it is not one.</source>
        <translation>该文件超过了 KOReader sidecar 文件可能的大小（{limit} MB），不是 sidecar 文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="76"/>
        <source>The file is not a KOReader sidecar Readmark can read: it is nested too deeply.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：嵌套过深。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="83"/>
        <source>The file is not a KOReader sidecar Readmark can read: it is not Lua.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：它不是 Lua。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="236"/>
        <source>The file is not a KOReader sidecar Readmark can read: a table key is not a string or a number.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：有一个表的键既不是字符串也不是数字。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="247"/>
        <source>The file is not a KOReader sidecar Readmark can read: a number cannot be read.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：有一个数字无法读取。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="282"/>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="292"/>
        <source>The file is not a KOReader sidecar Readmark can read: a string escape is out of range.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：有一个字符串转义超出范围。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/lua_table.py" line="300"/>
        <source>The file is not a KOReader sidecar Readmark can read: a string has an invalid escape.</source>
        <translation>该文件不是 Readmark 能读取的 KOReader sidecar 文件：有一个字符串含无效的转义。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/readest.py" line="44"/>
        <source>The file is not a Readest book configuration.</source>
        <translation>该文件不是 Readest 的书籍配置文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="122"/>
        <source>{path} is not an annotation file: it is not UTF-8 text.</source>
        <translation>{path} 不是批注文件：它不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="129"/>
        <source>{path} is not an annotation file: it holds binary data.</source>
        <translation>{path} 不是批注文件：其中含有二进制数据。</translation>
    </message>
</context>
<context>
    <name>ImportReason</name>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="25"/>
        <source>a sidecar that could not be read</source>
        <translation>无法读取的 sidecar 文件</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="26"/>
        <source>an entry that is not an annotation</source>
        <translation>不是批注的条目</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="27"/>
        <source>a mark deleted in Apple Books</source>
        <translation>在 Apple Books 中已删除的标记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="28"/>
        <source>a note deleted in Readest</source>
        <translation>在 Readest 中已删除的笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="29"/>
        <source>a highlight deleted in calibre</source>
        <translation>在 calibre 中已删除的高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="30"/>
        <source>a clipping that could not be read</source>
        <translation>无法读取的摘录</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="31"/>
        <source>a clipping of an unknown kind</source>
        <translation>未知类型的摘录</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="32"/>
        <source>a highlight emptied by the publisher&apos;s clipping limit</source>
        <translation>因出版商的摘录上限而为空的标注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="35"/>
        <source>an empty highlight</source>
        <translation>空白的标注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="36"/>
        <source>an empty note</source>
        <translation>空白的笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="37"/>
        <source>an earlier version of a highlight</source>
        <translation>标注的较早版本</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/importers/records.py" line="38"/>
        <source>the same note again</source>
        <translation>重复的笔记</translation>
    </message>
</context>
<context>
    <name>LibraryError</name>
    <message>
        <location filename="../../src/readmark/core/store/library.py" line="103"/>
        <source>The library {path} cannot be used: {reason}</source>
        <translation>无法使用书库 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="74"/>
        <source>The library {path} was written by a newer Readmark (schema {found}, this version knows {known}).</source>
        <translation>书库 {path} 由更新版本的 Readmark 写入（结构版本 {found}，当前版本只支持到 {known}）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="91"/>
        <source>“{path}” is not in the library: open it in Readmark first.</source>
        <translation>“{path}”不在书库中：请先在 Readmark 中打开它。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="102"/>
        <source>A collection needs a name.</source>
        <translation>收藏夹需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="103"/>
        <source>A book needs a title.</source>
        <translation>图书需要一个书名。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="104"/>
        <source>“{name}…” is too long for a collection&apos;s name (200 characters at most).</source>
        <translation>“{name}…”作为收藏夹名称太长了（最多 200 个字符）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="107"/>
        <source>There is already a collection called “{name}”.</source>
        <translation>已经有名为“{name}”的收藏夹了。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="118"/>
        <source>The annotation {id} is not in the library; it may have been deleted.</source>
        <translation>批注 {id} 不在书库中，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="132"/>
        <source>Readmark made an error using the library {path} ({reason}). This is a bug in Readmark; please report it.</source>
        <translation>Readmark 在使用书库 {path} 时出错（{reason}）。这是 Readmark 的程序缺陷，请报告此问题。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="147"/>
        <source>The library {path} is busy: another program kept it locked for too long ({reason}). Try again in a moment.</source>
        <translation>书库 {path} 正忙：另一个程序锁定它的时间过长（{reason}）。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="152"/>
        <source>The library {path} cannot be saved: the disk is full ({reason}).</source>
        <translation>无法保存书库 {path}：磁盘已满（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="155"/>
        <source>The library {path} cannot be written: the file, its folder or the disk is read-only ({reason}).</source>
        <translation>无法写入书库 {path}：该文件、其所在的文件夹或磁盘是只读的（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="160"/>
        <source>The library {path} cannot be opened ({reason}).</source>
        <translation>无法打开书库 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="161"/>
        <source>The library {path} could not be read or written: a disk error ({reason}).</source>
        <translation>无法读写书库 {path}：磁盘出错（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="164"/>
        <source>There is not enough memory to use the library {path} ({reason}).</source>
        <translation>内存不足，无法使用书库 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/library.py" line="172"/>
        <source>The library {path} needs upgrading but could not be backed up first, so it was left as it was: {reason}</source>
        <translation>书库 {path} 需要升级，但未能先行备份，因此保持原样未作改动：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/errors.py" line="63"/>
        <source>The library {path} is damaged: {reason}</source>
        <translation>书库 {path} 已损坏：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/backups.py" line="180"/>
        <source>The backup {backup} cannot be restored: it is damaged or was made by a newer Readmark.</source>
        <translation>无法恢复备份 {backup}：它已损坏，或由更新版本的 Readmark 创建。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/backups.py" line="221"/>
        <source>The backup {backup} could not be restored: {reason}</source>
        <translation>恢复备份 {backup} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/backups.py" line="234"/>
        <source>There is no library at {path} to back up.</source>
        <translation>{path} 处没有可备份的书库。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/backups.py" line="271"/>
        <source>The backup of {path} failed its integrity check; the library itself may be damaged.</source>
        <translation>{path} 的备份未通过完整性检查；书库本身可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/backups.py" line="288"/>
        <source>The library {path} could not be backed up: {reason}</source>
        <translation>无法备份书库 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/recovery.py" line="248"/>
        <source>The library {path} cannot be used and could not be moved aside: {reason}</source>
        <translation>书库 {path} 无法使用，也无法移到一旁：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/recovery.py" line="162"/>
        <source>It was moved to {moved}, where a newer Readmark can still open it, and the backup made {when} ({backup}) was restored.</source>
        <translation>它已被移至 {moved}（更新版本的 Readmark 仍可打开它），并已恢复 {when} 创建的备份（{backup}）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/recovery.py" line="168"/>
        <source>It was moved to {moved}, where a newer Readmark can still open it, and a new, empty library was started.</source>
        <translation>它已被移至 {moved}（更新版本的 Readmark 仍可打开它），并已新建一个空书库。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/recovery.py" line="174"/>
        <source>It was moved to {moved} and the backup made {when} ({backup}) was restored; anything saved after that backup is only in the moved file.</source>
        <translation>它已被移至 {moved}，并已恢复 {when} 创建的备份（{backup}）；该备份之后保存的内容只存在于移走的文件中。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/recovery.py" line="180"/>
        <source>It was moved to {moved}; no usable backup was found, so a new, empty library was started.</source>
        <translation>它已被移至 {moved}；未找到可用的备份，因此已新建一个空书库。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/recovery.py" line="238"/>
        <source>The data folder {folder} cannot be written: {reason}</source>
        <translation>无法写入数据文件夹 {folder}：{reason}</translation>
    </message>
</context>
<context>
    <name>LibraryFinder</name>
    <message>
        <location filename="../../src/readmark/ui/shell/library_finder.py" line="66"/>
        <source>Indexing the library for search: {done} of {total} books</source>
        <translation>正在为搜索建立书库索引：第 {done} 本，共 {total} 本</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="40"/>
        <source>Title</source>
        <translation>书名</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="41"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="42"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="43"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="44"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="45"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="46"/>
        <source>Last Read</source>
        <translation>上次阅读</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="47"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="220"/>
        <source>{percent} read, at “{chapter}”</source>
        <translation>已读 {percent}，读到“{chapter}”</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/model.py" line="223"/>
        <source>{percent} read</source>
        <translation>已读 {percent}</translation>
    </message>
</context>
<context>
    <name>LibraryRoom</name>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="123"/>
        <source>The library is not available, so nothing was added.</source>
        <translation>书库不可用，因此没有添加任何图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="142"/>
        <source>Adding books…</source>
        <translation>正在添加图书…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="192"/>
        <source>{count} added</source>
        <translation>添加 {count} 本</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="195"/>
        <source>{count} found moved or renamed (annotations kept)</source>
        <translation>{count} 本已移动或重命名（批注保留）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="200"/>
        <source>{count} back</source>
        <translation>{count} 本重新放回</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="203"/>
        <source>{count} already there</source>
        <translation>{count} 本已在书库中</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="209"/>
        <source>{count} could not be read</source>
        <translation>{count} 本无法读取</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="213"/>
        <source>Library: {parts}.</source>
        <translation>书库：{parts}。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="218"/>
        <source>Some books could not be added</source>
        <translation>有些图书无法添加</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="219"/>
        <source>{count} files could not be read; the others were added.</source>
        <translation>{count} 个文件无法读取；其余的已添加。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="240"/>
        <source>Remove from Library</source>
        <translation>移出书库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="241"/>
        <source>Remove “{title}” from the library?</source>
        <translation>将《{title}》移出书库？</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="246"/>
        <source>It has {count} annotations. They are kept and come back if you add or open the book again. The book file is not deleted.</source>
        <translation>它有 {count} 条批注。批注会保留，再次添加或打开这本书时会恢复。图书文件不会被删除。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="251"/>
        <source>Delete its {count} annotations too</source>
        <translation>同时删除它的 {count} 条批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="258"/>
        <source>The book file is not deleted.</source>
        <translation>图书文件不会被删除。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="259"/>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="282"/>
        <source>Removed; its {count} annotations were deleted (a backup made first keeps them: File › Backups and Restore…).</source>
        <translation>已移出；它的 {count} 条批注已删除（删除前的备份中仍有：文件 › 备份与恢复…）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="288"/>
        <source>Removed; its {count} annotations are kept for its return.</source>
        <translation>已移出；它的 {count} 条批注已保留，待其放回时恢复。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="293"/>
        <source>Removed from the library.</source>
        <translation>已移出书库。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="330"/>
        <source>New Collection</source>
        <translation>新建收藏夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="330"/>
        <source>Name of the collection:</source>
        <translation>收藏夹名称：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="342"/>
        <source>Rename Collection</source>
        <translation>重命名收藏夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="343"/>
        <source>New name for “{name}”:</source>
        <translation>“{name}”的新名称：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="353"/>
        <source>Delete Collection</source>
        <translation>删除收藏夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="354"/>
        <source>Delete the collection “{name}”? Its books stay in the library.</source>
        <translation>删除收藏夹“{name}”？其中的图书仍留在书库中。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="361"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="383"/>
        <source>Watching “{folder}” for new books.</source>
        <translation>正在监视“{folder}”中的新书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="399"/>
        <source>The watched folder “{folder}” cannot be read ({reason}); its books stay in the library.</source>
        <translation>无法读取所监视的文件夹“{folder}”（{reason}）；其中的图书仍留在书库中。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="404"/>
        <source>The watched folder “{folder}” is not there (moved, deleted, or a disk not connected); its books stay in the library.</source>
        <translation>所监视的文件夹“{folder}”不在了（已移动、删除，或磁盘未连接）；其中的图书仍留在书库中。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/room.py" line="417"/>
        <source>The setting could not be saved; it applies until you quit.</source>
        <translation>设置无法保存；在退出前仍然有效。</translation>
    </message>
</context>
<context>
    <name>LibrarySearch</name>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="138"/>
        <source>Indexing paused: what is indexed is searched.</source>
        <translation>已暂停建立索引：只搜索已编入索引的内容。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="179"/>
        <source>The search index was damaged or out of date; it is being made anew.</source>
        <translation>搜索索引已损坏或已过时，正在重新建立。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="185"/>
        <source>Indexing books: {done} of {total}…</source>
        <translation>正在建立索引：第 {done} 本，共 {total} 本…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="256"/>
        <source>There is no collection “{name}” any more.</source>
        <translation>收藏夹“{name}”已不存在。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="264"/>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="266"/>
        <source>The first {count} hits (narrow the search for others)</source>
        <translation>前 {count} 个结果（缩小搜索范围以查看其他结果）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="270"/>
        <source>{count} hits</source>
        <translation>{count} 个结果</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="272"/>
        <source>{count} books could not be indexed.</source>
        <translation>{count} 本书无法编入索引。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_search.py" line="276"/>
        <source>Still indexing: more may be found.</source>
        <translation>仍在建立索引：可能还有更多结果。</translation>
    </message>
</context>
<context>
    <name>LibrarySearchPanel</name>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="41"/>
        <source>Search Library</source>
        <translation>搜索书库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="49"/>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="51"/>
        <source>Search every book and note</source>
        <translation>搜索所有书籍和笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="55"/>
        <source>Books and notes</source>
        <translation>书籍和笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="56"/>
        <source>Books only</source>
        <translation>仅书籍</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="57"/>
        <source>Notes only</source>
        <translation>仅笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="60"/>
        <source>What to search</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="67"/>
        <source>Only the books of a collection</source>
        <translation>只搜索某个收藏夹中的书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="71"/>
        <source>Only the books in a language</source>
        <translation>只搜索某种语言的书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="81"/>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="105"/>
        <source>Pause Indexing</source>
        <translation>暂停建立索引</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="94"/>
        <source>Hits, by book</source>
        <translation>搜索结果（按书分组）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="105"/>
        <source>Resume Indexing</source>
        <translation>继续建立索引</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="122"/>
        <source>Every collection</source>
        <translation>所有收藏夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="123"/>
        <source>Every language</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="217"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/library_panel.py" line="219"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="62"/>
        <source>Filter by title, author, language…</source>
        <translation>按书名、作者、语言筛选…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="63"/>
        <source>Filter the library</source>
        <translation>筛选书库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="73"/>
        <location filename="../../src/readmark/ui/library/view.py" line="74"/>
        <source>Sort by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="81"/>
        <location filename="../../src/readmark/ui/library/view.py" line="82"/>
        <source>Descending order</source>
        <translation>降序</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="86"/>
        <source>Covers</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="89"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="98"/>
        <source>Search Inside Books</source>
        <translation>搜索书中内容</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="101"/>
        <source>Search the text of every book and note (Ctrl+Shift+F)</source>
        <translation>搜索每本书的正文和每条笔记（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="120"/>
        <location filename="../../src/readmark/ui/library/view.py" line="137"/>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="163"/>
        <source>Your library is empty. Add books with File › Add Books to Library… or Add Folder to Library…, or drop book files here.</source>
        <translation>书库是空的。用“文件 › 将图书添加到书库…”或“将文件夹添加到书库…”添加图书，或把图书文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="248"/>
        <source>{count} books</source>
        <translation>{count} 本书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="250"/>
        <source>{shown} of {count} books</source>
        <translation>{shown} / {count} 本书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="285"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="286"/>
        <source>Edit Details…</source>
        <translation>编辑图书信息…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="287"/>
        <source>Add to Collection</source>
        <translation>添加到收藏夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="295"/>
        <source>New Collection…</source>
        <translation>新建收藏夹…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="299"/>
        <source>Remove from “{name}”</source>
        <translation>从“{name}”中移除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/library/view.py" line="303"/>
        <source>Remove from Library…</source>
        <translation>移出书库…</translation>
    </message>
</context>
<context>
    <name>LibraryWiring</name>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="93"/>
        <source>Library — Readmark</source>
        <translation>书库 — Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="108"/>
        <source>{title} — Readmark</source>
        <translation>{title} — Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="112"/>
        <source>Readmark</source>
        <translation>Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="136"/>
        <source>Add Books to Library</source>
        <translation>将图书添加到书库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="138"/>
        <source>Books ({patterns});;All files (*)</source>
        <translation>图书 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="149"/>
        <source>Add a Folder to the Library</source>
        <translation>将文件夹添加到书库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="160"/>
        <source>Watch a Folder for New Books</source>
        <translation>监视文件夹中的新书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="189"/>
        <source>No watched folders</source>
        <translation>没有监视的文件夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="207"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="249"/>
        <source>{percent} of the book read; now in “{chapter}”</source>
        <translation>全书已读 {percent}；正在读“{chapter}”</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/library_wiring.py" line="253"/>
        <source>{percent} of the book read</source>
        <translation>全书已读 {percent}</translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <location filename="../../src/readmark/ui/shell/link_opener.py" line="51"/>
        <source>Links cannot be followed: your library is unavailable.</source>
        <translation>无法打开链接：你的书库不可用。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/link_opener.py" line="61"/>
        <source>The book this link points to is not in your library. Open the book in Readmark once, and its links will work.</source>
        <translation>此链接指向的书不在你的书库中。先用 Readmark 打开这本书一次，它的链接就能用了。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/link_opener.py" line="77"/>
        <source>The book this link points to is no longer at {path}.</source>
        <translation>此链接指向的书已不在 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/link_opener.py" line="103"/>
        <source>The passage this link points to is no longer in the book; showing the chapter it was in.</source>
        <translation>此链接指向的段落已不在书中；现显示它原来所在的章节。</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../../src/readmark/core/links.py" line="52"/>
        <source>This is not a Readmark link: {detail}</source>
        <translation>这不是 Readmark 链接：{detail}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/links.py" line="53"/>
        <source>This Readmark link is damaged: {detail}</source>
        <translation>此 Readmark 链接已损坏：{detail}</translation>
    </message>
</context>
<context>
    <name>LongWork</name>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="77"/>
        <source>Cancel Placing</source>
        <translation>取消定位</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="78"/>
        <source>Placing your annotations in the changed book…</source>
        <translation>正在在已改动的书中重新定位你的批注…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/long_work.py" line="175"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="101"/>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="546"/>
        <source>Readmark</source>
        <translation>Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="280"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="286"/>
        <source>The text encoding of this book (Book › Text Encoding)</source>
        <translation>这本书的文本编码（图书 › 文本编码）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="463"/>
        <source>Open a Book</source>
        <translation>打开图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="465"/>
        <source>Books ({patterns});;All files (*)</source>
        <translation>图书 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="481"/>
        <source>The book could not be opened</source>
        <translation>无法打开这本书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="501"/>
        <source>{title} — Readmark</source>
        <translation>{title} — Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="506"/>
        <source>No Chinese, Japanese or Korean font is installed, so this book&apos;s text may show as empty boxes. Install one (e.g. fonts-noto-cjk).</source>
        <translation>未安装中文、日文或韩文字体，这本书的文字可能显示为空白方框。请安装一种（例如 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/recent_menu.py" line="31"/>
        <source>No recent books</source>
        <translation>没有最近阅读的图书</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="648"/>
        <source>About Readmark</source>
        <translation>关于 Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/main_window.py" line="650"/>
        <source>Readmark {version}

An offline reader for studying the books you own.</source>
        <translation>Readmark {version}

一款离线阅读器，用来研读你自己的图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/app.py" line="142"/>
        <source>Your library is unavailable</source>
        <translation>书库不可用</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/app.py" line="146"/>
        <source>You can still read; positions will not be saved.</source>
        <translation>你仍然可以阅读，但阅读位置不会被保存。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/app.py" line="154"/>
        <source>Your library was recovered</source>
        <translation>已恢复你的书库</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/app.py" line="95"/>
        <source>Your preferences were reset</source>
        <translation>首选项已重置</translation>
    </message>
</context>
<context>
    <name>MarksImporter</name>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="52"/>
        <source>Cancel Import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="71"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>已取消导入；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="76"/>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="91"/>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="119"/>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="147"/>
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="79"/>
        <source>Annotations (My Clippings.txt *.txt *.lua *.json *.calibre_annotation_collection *.sqlite);;All files (*)</source>
        <translation>批注 (My Clippings.txt *.txt *.lua *.json *.calibre_annotation_collection *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="92"/>
        <source>The library cannot be used, so nothing can be imported.</source>
        <translation>书库无法使用，因此无法导入。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="121"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="150"/>
        <source>Import of {n} annotations</source>
        <translation>导入 {n} 条批注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="154"/>
        <source>Imported {n} annotations.</source>
        <translation>已导入 {n} 条批注。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/marks_import.py" line="166"/>
        <source>The import could not be undone: its annotations changed since.</source>
        <translation>无法撤销这次导入：导入的批注此后已被修改。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../src/readmark/ui/annotations/note_dialog.py" line="30"/>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/note_dialog.py" line="30"/>
        <source>Add Note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/note_dialog.py" line="47"/>
        <source>Your note (Markdown works: *emphasis*, lists…)</source>
        <translation>你的笔记（支持 Markdown：*强调*、列表…）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/note_dialog.py" line="49"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/note_dialog.py" line="51"/>
        <source>Markdown works; Ctrl+Return saves the note, Escape leaves it unchanged</source>
        <translation>支持 Markdown；Ctrl+回车保存笔记，Esc 不作更改</translation>
    </message>
</context>
<context>
    <name>PlainText</name>
    <message>
        <location filename="../../src/readmark/core/formats/plaintext/front_matter.py" line="33"/>
        <source>Front Matter</source>
        <translation>卷首</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="67"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="74"/>
        <source>&amp;Reading</source>
        <translation>阅读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="75"/>
        <source>&amp;Books and Language</source>
        <translation>书籍与语言(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="76"/>
        <source>&amp;Highlights</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="77"/>
        <source>B&amp;ackups</source>
        <translation>备份(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="78"/>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="86"/>
        <source>&amp;Library</source>
        <translation>书库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="93"/>
        <source>Put every preference back as it first was</source>
        <translation>把所有首选项恢复为最初的设置</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="134"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="135"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="136"/>
        <source>Sepia</source>
        <translation>棕褐色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="137"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="140"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="142"/>
        <source>The book&apos;s &amp;default font</source>
        <translation>书籍的默认字体(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="143"/>
        <source>A font chosen for the book&apos;s language</source>
        <translation>按书籍语言选择的字体</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="146"/>
        <source>Reading font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="169"/>
        <source>&amp;Font:</source>
        <translation>字体(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="173"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="174"/>
        <source>Text &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="175"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="176"/>
        <source>&amp;Line spacing:</source>
        <translation>行距(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="177"/>
        <source> em</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="178"/>
        <source>Space between &amp;paragraphs:</source>
        <translation>段间距(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="179"/>
        <source>By the book&apos;s language</source>
        <translation>按书籍语言</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="182"/>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="188"/>
        <source>Always</source>
        <translation>总是</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="182"/>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="188"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="184"/>
        <source>By language: Chinese and Japanese paragraphs are indented</source>
        <translation>按语言：中文和日文段落首行缩进</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="185"/>
        <source>First-line &amp;indent:</source>
        <translation>首行缩进(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="191"/>
        <source>By language: Chinese and Japanese are justified, as in print</source>
        <translation>按语言：中文和日文像印刷品一样两端对齐</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="193"/>
        <source>&amp;Justified text:</source>
        <translation>两端对齐(&amp;J)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="194"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="196"/>
        <source>The widest line, in Latin letters; a line of Chinese holds about half as many</source>
        <translation>最宽的一行，以拉丁字母计；一行中文约容纳一半数量的汉字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="198"/>
        <source>Text &amp;width:</source>
        <translation>版心宽度(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="199"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="200"/>
        <source>&amp;Margins at least:</source>
        <translation>最小页边距(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="207"/>
        <source>&amp;Repair books converted from print when first opened</source>
        <translation>首次打开时修复由印刷品转换的书籍(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="210"/>
        <source>Each book remembers its own choice (Book › Repair Book Converted from Print)</source>
        <translation>每本书会记住各自的选择（书籍 › 修复由印刷品转换的书籍）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="214"/>
        <source>Reopen the &amp;last book read when Readmark starts</source>
        <translation>启动 Readmark 时重新打开上次阅读的书(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="219"/>
        <source>The system&apos;s</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="221"/>
        <source>&amp;Language of Readmark:</source>
        <translation>Readmark 界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="222"/>
        <source>The new language is used when Readmark next starts.</source>
        <translation>新语言将在下次启动 Readmark 时生效。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="240"/>
        <source>Give the colours names of your own (say, yellow for key ideas): menus and lists use them.</source>
        <translation>给各颜色起自己的名字（比如黄色表示要点）：菜单和列表都会使用这些名字。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="254"/>
        <source>{colour}:</source>
        <translation>{colour}：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="273"/>
        <source>Beside the library (the default)</source>
        <translation>资料库旁边（默认）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="276"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="282"/>
        <source>Back up &amp;into:</source>
        <translation>备份到(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="285"/>
        <source>Backups &amp;kept:</source>
        <translation>保留备份数(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="286"/>
        <source>Backups already made stay where they are.</source>
        <translation>已有的备份保留在原处。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="296"/>
        <source>No sync (the default)</source>
        <translation>不同步（默认）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="299"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="305"/>
        <source>Sync &amp;folder:</source>
        <translation>同步文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="310"/>
        <source>A folder your own sync tool keeps in step between your computers (Syncthing, Nextcloud, Dropbox, a USB stick). Each computer writes only its own file there; highlights, notes, deletions and reading places are merged. Readmark syncs when the window opens, after changes and with File › Sync Now.</source>
        <translation>由您自己的同步工具在各台计算机之间保持一致的文件夹（Syncthing、Nextcloud、Dropbox、U 盘）。每台计算机只在其中写入自己的文件；高亮、笔记、删除和阅读位置会被合并。Readmark 在窗口打开时、有改动后以及通过“文件 › 立即同步”进行同步。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="322"/>
        <source>Sync Through the Folder</source>
        <translation>通过此文件夹同步</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/preferences_dialog.py" line="387"/>
        <source>Back Up the Library Into</source>
        <translation>将资料库备份到</translation>
    </message>
</context>
<context>
    <name>PrintedPageDialog</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/printed_page_dialog.py" line="28"/>
        <source>Go to Printed Page</source>
        <translation>转到印刷页码</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/printed_page_dialog.py" line="32"/>
        <source>Page of the printed book (this book has pages {first} to {last}):</source>
        <translation>印刷版的页码（本书有第 {first} 页至第 {last} 页）：</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/printed_page_dialog.py" line="63"/>
        <source>There is no printed page “{page}” in this book.</source>
        <translation>本书中没有印刷页码“{page}”。</translation>
    </message>
</context>
<context>
    <name>PrintedPages</name>
    <message>
        <location filename="../../src/readmark/ui/shell/printed_pages.py" line="63"/>
        <source>The page of the printed book at the top of the screen</source>
        <translation>屏幕顶部所在的印刷版页码</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/printed_pages.py" line="129"/>
        <source>Repaired: {report}</source>
        <translation>已修复：{report}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/printed_pages.py" line="140"/>
        <source>p. {page}</source>
        <translation>第 {page} 页</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/printed_pages.py" line="169"/>
        <source>Printed page {page} is not in this book.</source>
        <translation>本书中没有印刷版第 {page} 页。</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../src/readmark/ui/reader/reader_view.py" line="83"/>
        <source>Book text</source>
        <translation>书的正文</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader/reader_view.py" line="86"/>
        <source>Page Down and Space read on; Shift+arrows select from the caret; the Menu key or Shift+F10 marks the selection</source>
        <translation>Page Down 和空格键向后阅读；Shift+方向键从光标处选择文字；菜单键或 Shift+F10 标注所选文字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader/reader_view.py" line="291"/>
        <source>Preparing this part of the book…</source>
        <translation>正在准备书的这一部分…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader/reader_view.py" line="734"/>
        <source>This link leads outside the book and was not followed.</source>
        <translation>此链接指向书外，未予跳转。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader/reader_view.py" line="755"/>
        <source>Image not loaded</source>
        <translation>图片未加载</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader/reader_view.py" line="766"/>
        <source>Image could not be read</source>
        <translation>无法读取图片</translation>
    </message>
</context>
<context>
    <name>RepairReport</name>
    <message>
        <location filename="../../src/readmark/i18n.py" line="146"/>
        <source>1 page split joined</source>
        <translation>接合 1 处跨页断段</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="148"/>
        <source>%Ln page splits joined</source>
        <translation>接合 %Ln 处跨页断段</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="151"/>
        <source>1 page number</source>
        <translation>1 个页码</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="153"/>
        <source>%Ln page numbers</source>
        <translation>%Ln 个页码</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="156"/>
        <source>1 running header</source>
        <translation>1 个页眉</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="158"/>
        <source>%Ln running headers</source>
        <translation>%Ln 个页眉</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="162"/>
        <source>{numbers} and {headers} removed</source>
        <translation>去除 {numbers}和 {headers}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="168"/>
        <source>{furniture} removed</source>
        <translation>去除 {furniture}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="174"/>
        <source>1 footnote attached</source>
        <translation>关联 1 条脚注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="176"/>
        <source>%Ln footnotes attached</source>
        <translation>关联 %Ln 条脚注</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="179"/>
        <source>1 figure moved out of a sentence</source>
        <translation>将 1 处插图移出句子</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="180"/>
        <source>%Ln figures moved out of sentences</source>
        <translation>将 %Ln 处插图移出句子</translation>
    </message>
    <message>
        <location filename="../../src/readmark/i18n.py" line="183"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>RepairRule</name>
    <message>
        <location filename="../../src/readmark/core/repair/footnotes.py" line="304"/>
        <source>Turn footnotes left at the bottom of printed pages into real footnotes linked from their markers</source>
        <translation>把留在纸页底部的注释变成真正的脚注，并与正文中的标记相链接</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/page_splits.py" line="303"/>
        <source>Join paragraphs that the printed book&apos;s page breaks cut in two</source>
        <translation>接合被纸质书换页截断的段落</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/punctuation.py" line="125"/>
        <source>Use full-width punctuation (，：；？！（）) after Chinese text where the conversion left half-width marks</source>
        <translation>在中文后面使用全角标点（，：；？！（）），替换转换时留下的半角标点</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/soft_breaks.py" line="41"/>
        <source>Remove line breaks inside a paragraph between Chinese characters, which would show as stray spaces</source>
        <translation>删除段落内汉字之间的换行，以免显示为多余的空格</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/line_paragraphs.py" line="89"/>
        <source>Treat each line as a paragraph in Chinese text written one paragraph per line</source>
        <translation>中文文本每行一段时，把每一行当作一个段落</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/captions.py" line="213"/>
        <source>Move figures, captions and photo credits that a page put inside a sentence to after the sentence</source>
        <translation>把纸页排进句子中间的插图、图注和图片来源移到句子之后</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/repair/running_headers.py" line="282"/>
        <source>Remove running headers and footers that a printed page repeated</source>
        <translation>删除纸页上重复出现的页眉和页脚</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <location filename="../../src/readmark/core/book_resources.py" line="21"/>
        <source>Remote image not loaded (Readmark works offline)</source>
        <translation>未加载远程图片（Readmark 离线工作）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/book_resources.py" line="22"/>
        <source>Image outside the book not loaded</source>
        <translation>未加载书外的图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/book_resources.py" line="23"/>
        <source>Image missing from the book</source>
        <translation>书中缺少此图片</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/book_resources.py" line="24"/>
        <source>Image too large</source>
        <translation>图片过大</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/book_resources.py" line="25"/>
        <source>Image not loaded</source>
        <translation>未加载图片</translation>
    </message>
</context>
<context>
    <name>RestoreWork</name>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="142"/>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="155"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="145"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="156"/>
        <source>Backing up the library as it is now…</source>
        <translation>正在备份书库的当前状态…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="157"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="172"/>
        <source>The restore was cancelled; the library is as it was.</source>
        <translation>恢复已取消，书库保持原样。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="175"/>
        <source>The backup could not be restored</source>
        <translation>无法恢复该备份</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/backup_work.py" line="178"/>
        <source>Restored the backup {name}</source>
        <translation>已恢复备份 {name}</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="306"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="337"/>
        <source>Searching… {percent}% — {count} found</source>
        <translation>正在查找… {percent}% — 已找到 {count} 处</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="369"/>
        <source>{count} parts of the book could not be read and were not searched.</source>
        <translation>书中有 {count} 个部分无法读取，未能查找。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="506"/>
        <source>Continued from the start of the book</source>
        <translation>已从书的开头继续查找</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="508"/>
        <source>Continued from the end of the book</source>
        <translation>已从书的末尾继续查找</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="540"/>
        <source>No results</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="545"/>
        <source>{number} of {total}</source>
        <translation>第 {number} 处，共 {total} 处</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="549"/>
        <source>{total} found</source>
        <translation>找到 {total} 处</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/controller.py" line="551"/>
        <source>(the search stopped there: type more to narrow it)</source>
        <translation>（查找到此为止：请多输入几个字以缩小范围）</translation>
    </message>
</context>
<context>
    <name>SearchError</name>
    <message>
        <location filename="../../src/readmark/core/search/query.py" line="188"/>
        <source>This is not a valid regular expression: {reason}.</source>
        <translation>这不是有效的正则表达式：{reason}。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/search/query.py" line="211"/>
        <source>This regular expression takes too long to search; try a simpler one.</source>
        <translation>这个正则表达式查找耗时过长，请换一个简单些的。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/search/index.py" line="539"/>
        <source>The library search looks for words and characters: type at least one letter, digit or character.</source>
        <translation>书库搜索查找的是字词：请至少输入一个字母、数字或汉字。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/search/index.py" line="670"/>
        <location filename="../../src/readmark/core/search/query.py" line="238"/>
        <source>A search can be at most {limit} characters long.</source>
        <translation>查找内容最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/search/index.py" line="674"/>
        <location filename="../../src/readmark/core/search/query.py" line="242"/>
        <source>Type something to find.</source>
        <translation>请输入要查找的内容。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/search/query.py" line="247"/>
        <source>A regular expression can be at most {limit} characters long.</source>
        <translation>正则表达式最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/search/index_file.py" line="119"/>
        <source>The search index {path} cannot be used: {reason}</source>
        <translation>无法使用搜索索引 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="40"/>
        <source>Find in Book</source>
        <translation>在书中查找</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="54"/>
        <location filename="../../src/readmark/ui/search/panel.py" line="55"/>
        <source>Find in this book</source>
        <translation>在本书中查找</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="57"/>
        <source>Enter goes to the next match, Shift+Enter to the previous; Escape closes</source>
        <translation>回车跳到下一处匹配，Shift+回车跳到上一处；Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="66"/>
        <source>Previous (Shift+Enter, Shift+F3)</source>
        <translation>上一个（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="70"/>
        <source>Next (Enter, F3)</source>
        <translation>下一个（Enter、F3）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="79"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="81"/>
        <source>Whole words (Latin letters)</source>
        <translation>全词匹配（拉丁字母）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="83"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/search/panel.py" line="95"/>
        <source>Matches in the book</source>
        <translation>书中的匹配</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../src/readmark/ui/search/results_model.py" line="177"/>
        <source>Section {number}</source>
        <translation>第 {number} 节</translation>
    </message>
</context>
<context>
    <name>SelectionPopup</name>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="50"/>
        <source>Mark the selection</source>
        <translation>标注所选文字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="61"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="149"/>
        <source>Highlight in {colour}</source>
        <translation>用{colour}高亮</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="66"/>
        <source>U</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="66"/>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="74"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="168"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="190"/>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="74"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="169"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="170"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="191"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="192"/>
        <source>Add a note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="77"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="77"/>
        <source>Copy the text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="81"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="81"/>
        <source>Copy as a quote with its source</source>
        <translation>复制为引文，并附上出处</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="85"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="85"/>
        <source>Delete (Ctrl+Z undoes)</source>
        <translation>删除（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="186"/>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="187"/>
        <location filename="../../src/readmark/ui/annotations/popup.py" line="188"/>
        <source>Edit the note</source>
        <translation>编辑笔记</translation>
    </message>
</context>
<context>
    <name>SettingsError</name>
    <message>
        <location filename="../../src/readmark/core/store/settings.py" line="230"/>
        <source>Your preferences in {path} could not be read: {reason}</source>
        <translation>无法读取 {path} 中的首选项：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/store/settings.py" line="256"/>
        <source>Your preferences could not be read and were set aside as {path}. Readmark starts with its defaults.</source>
        <translation>无法读取首选项，原文件已另存为 {path}。Readmark 将使用默认设置启动。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/readmark/ui/shell/start_page.py" line="103"/>
        <source>Readmark</source>
        <translation>Readmark</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/start_page.py" line="108"/>
        <source>Read, study and annotate the books you own — offline.</source>
        <translation>离线阅读、研读和批注你自己的图书。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/start_page.py" line="109"/>
        <source>Open a Book…</source>
        <translation>打开图书…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/start_page.py" line="111"/>
        <source>Read the Guide</source>
        <translation>阅读使用指南</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/start_page.py" line="117"/>
        <source>Recent books</source>
        <translation>最近阅读</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/start_page.py" line="132"/>
        <source>Books you open appear here. You can also drop a file on this window.</source>
        <translation>你打开过的图书会显示在这里。也可以把文件拖放到此窗口。</translation>
    </message>
</context>
<context>
    <name>StartupBackup</name>
    <message>
        <location filename="../../src/readmark/ui/shell/startup_backup.py" line="85"/>
        <location filename="../../src/readmark/ui/shell/startup_backup.py" line="90"/>
        <source>The backup failed</source>
        <translation>备份失败</translation>
    </message>
</context>
<context>
    <name>SyncError</name>
    <message>
        <location filename="../../src/readmark/core/sync/engine.py" line="90"/>
        <source>The sync folder {folder} is not there (a drive not connected?). Nothing was changed; sync again once it is back.</source>
        <translation>同步文件夹 {folder} 不存在（驱动器未连接？）。没有做任何更改；等它回来后再同步一次。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/engine.py" line="117"/>
        <source>Another sync of this computer is running; try again after it.</source>
        <translation>本机的另一次同步正在进行；请在它完成后再试。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/engine.py" line="151"/>
        <source>The file of computer {device} could not be merged; it will be tried again at the next sync.</source>
        <translation>无法合并计算机 {device} 的文件；下次同步时会再试。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/engine.py" line="172"/>
        <source>Annotations changed on this computer while syncing; nothing was taken in. Sync again to complete it.</source>
        <translation>同步期间本机的批注有改动；没有收入任何更改。请再同步一次以完成。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/engine.py" line="196"/>
        <source>This computer&apos;s changes could not be written to {folder}: {reason}. They are kept and will be written at the next sync.</source>
        <translation>本机的更改无法写入 {folder}：{reason}。更改已保留，下次同步时写入。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/engine.py" line="217"/>
        <source>The sync folder {folder} cannot be written: {reason}</source>
        <translation>无法写入同步文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/files.py" line="266"/>
        <location filename="../../src/readmark/core/sync/state.py" line="80"/>
        <source>{name} could not be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/engine.py" line="524"/>
        <source>The sync state in {folder} cannot be written: {reason}. The library is safe; sync again once the folder can be written.</source>
        <translation>无法写入 {folder} 中的同步状态：{reason}。书库安全无损；等该文件夹可写后再同步。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/files.py" line="135"/>
        <source>{name} in the sync folder is not a Readmark file.</source>
        <translation>同步文件夹中的 {name} 不是 Readmark 文件。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/files.py" line="143"/>
        <source>{name} was written by a newer Readmark (sync format {found}; this version reads {known}). Update Readmark on this computer to read it; nothing of it was lost.</source>
        <translation>{name} 由更新版本的 Readmark 写入（同步格式 {found}；本版本只能读取 {known}）。请在本机更新 Readmark 后读取它；其内容没有丢失。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/core/sync/files.py" line="162"/>
        <source>{name} in the sync folder is incomplete (still being copied?); it will be read at the next sync.</source>
        <translation>同步文件夹中的 {name} 不完整（仍在复制中？）；下次同步时读取。</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location filename="../../src/readmark/ui/shell/sync_runner.py" line="51"/>
        <source>Sync state</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/sync_runner.py" line="86"/>
        <source>Choose a sync folder first: Preferences › Sync (a folder your sync tool keeps in step between your computers).</source>
        <translation>请先选择同步文件夹：首选项 › 同步（一个由您的同步工具在各台计算机之间保持一致的文件夹）。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/sync_runner.py" line="91"/>
        <source>The library cannot be used, so nothing can be synced.</source>
        <translation>书库无法使用，因此无法同步。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/sync_runner.py" line="115"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/sync_runner.py" line="125"/>
        <source>Synced {when}: {incoming} in, {outgoing} out</source>
        <translation>已于 {when} 同步：收到 {incoming}，发出 {outgoing}</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/shell/sync_runner.py" line="144"/>
        <source>Not synced ⚠</source>
        <translation>未同步 ⚠</translation>
    </message>
</context>
<context>
    <name>TocPanel</name>
    <message>
        <location filename="../../src/readmark/ui/reader/toc_panel.py" line="43"/>
        <location filename="../../src/readmark/ui/reader/toc_panel.py" line="47"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/reader/toc_panel.py" line="48"/>
        <source>Arrows choose a chapter, Enter goes to it</source>
        <translation>方向键选择章节，回车跳转</translation>
    </message>
</context>
<context>
    <name>WatchedFoldersTab</name>
    <message>
        <location filename="../../src/readmark/ui/dialogs/watched_folders_tab.py" line="33"/>
        <source>Books that appear in these folders join the library, when Readmark starts and while it runs. Stopping to watch a folder keeps its books.</source>
        <translation>这些文件夹中出现的书会在 Readmark 启动时和运行期间加入书库。停止监视某个文件夹时，其中的书仍保留在书库中。</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/watched_folders_tab.py" line="40"/>
        <source>Watched folders</source>
        <translation>监视的文件夹</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/watched_folders_tab.py" line="41"/>
        <source>&amp;Watch a Folder…</source>
        <translation>监视文件夹(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/watched_folders_tab.py" line="43"/>
        <source>&amp;Stop Watching</source>
        <translation>停止监视(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/readmark/ui/dialogs/watched_folders_tab.py" line="76"/>
        <source>Watch a Folder for New Books</source>
        <translation>监视文件夹中的新书</translation>
    </message>
</context>
</TS>
