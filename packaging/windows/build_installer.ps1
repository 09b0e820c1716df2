# Builds Readmark's Windows installer: the PyInstaller bundle (packaging/pyinstaller/
# readmark.spec), then Inno Setup's compiler on packaging/windows/readmark.iss.
# Run on Windows 10/11 x64 from the repository root, in PowerShell:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_installer.ps1
#
# Needs Python 3.11+ (python.org's installer, `py` launcher) and Inno Setup 6 (ISCC.exe on
# the PATH or in its default folder). Leaves dist\readmark\ (the bundle) and
# dist\readmark-VERSION-windows-x64-setup.exe (the installer).
# Not run on Readmark's CI (Linux); tests/test_platform_packaging.py checks the .iss.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Work = "$Root\build\bundle-windows"
$Venv = "$Work\venv"

if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    py -3.11 -m venv $Venv
    if ($LASTEXITCODE -ne 0) { throw "could not make the build venv (is Python 3.11 installed?)" }
}
& "$Venv\Scripts\python.exe" -m pip install --disable-pip-version-check -q --force-reinstall $Root "pyinstaller>=6.10,<7"
if ($LASTEXITCODE -ne 0) { throw "pip could not install Readmark and PyInstaller" }
$Version = & "$Venv\Scripts\python.exe" -c "import readmark; print(readmark.__version__)"

Push-Location $Work
try {
    & "$Venv\Scripts\pyinstaller.exe" --noconfirm --distpath "$Root\dist" --workpath "$Work\pyinstaller" "$Root\packaging\pyinstaller\readmark.spec"
    if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
} finally { Pop-Location }

# Smoke test before packaging: the frozen program opens the guide and paints it.
$env:QT_QPA_PLATFORM = "offscreen"
$Smoke = & "$Root\dist\readmark\readmark.exe" --smoke-test --new-instance | Out-String
Remove-Item Env:QT_QPA_PLATFORM
if ($Smoke -notmatch "smoke-test ok") { throw "the frozen Readmark did not start: $Smoke" }

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "/DBundleDir=$Root\dist\readmark" "$Root\packaging\windows\readmark.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "installer: $Root\dist\readmark-$Version-windows-x64-setup.exe"
