; Inno Setup script: Readmark's Windows installer, from the PyInstaller bundle.
; Built by packaging/windows/build_installer.ps1 (on Windows, with Inno Setup 6's ISCC):
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\readmark packaging\windows\readmark.iss
;
; Installs per user by default (no administrator needed; the dialog offers all users),
; adds a Start menu entry, and registers Readmark for .md/.markdown/.epub/.txt/.html/.htm
; in "Open with" (OpenWithProgids: it does not take a type from the program the user chose)
; and as the handler of readmark:// links. Windows' Default Apps lists it through
; Capabilities + RegisteredApplications. Uninstalling removes all of it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\readmark"
#endif
#define AppName "Readmark"
#define AppExe "readmark.exe"
#define ProgId "Readmark.Book"

[Setup]
AppId={{6C0E2B8A-3F4D-4E8B-9A51-5D7C2A1B9E43}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Readmark
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=readmark-{#AppVersion}-windows-x64-setup
SetupIconFile=readmark.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; The document type every associated extension points to.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Book"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" for each book type.
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.markdown\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.epub\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; readmark:// links.
Root: HKA; Subkey: "Software\Classes\readmark"; ValueType: string; ValueName: ""; ValueData: "URL:Readmark link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\readmark"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\readmark\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\readmark\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Default Apps (Settings > Apps > Default apps) lists what Readmark can open.
Root: HKA; Subkey: "Software\Readmark\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Readmark\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Read, highlight and annotate the books you own, offline"
Root: HKA; Subkey: "Software\Readmark\Capabilities\FileAssociations"; ValueType: string; ValueName: ".md"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\Readmark\Capabilities\FileAssociations"; ValueType: string; ValueName: ".markdown"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\Readmark\Capabilities\FileAssociations"; ValueType: string; ValueName: ".epub"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\Readmark\Capabilities\FileAssociations"; ValueType: string; ValueName: ".txt"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\Readmark\Capabilities\FileAssociations"; ValueType: string; ValueName: ".html"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\Readmark\Capabilities\FileAssociations"; ValueType: string; ValueName: ".htm"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\Readmark\Capabilities\URLAssociations"; ValueType: string; ValueName: "readmark"; ValueData: "readmark"
Root: HKA; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "{#AppName}"; ValueData: "Software\Readmark\Capabilities"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
