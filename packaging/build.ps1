# Builds the Windows one-folder app in dist\ukom-desktop\ (ukom-desktop.exe, the window, and
# ukom-desktop-cli.exe, the commands) with PyInstaller, checks the frozen CLI, and, when Inno Setup 6 is
# installed, the installer dist\ukom-desktop-setup-<versi>.exe. The PowerShell twin of packaging/build.sh:
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& powershell -ExecutionPolicy Bypass -File (Join-Path "scripts" "setup.ps1") packaging
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$python = Join-Path ".venv" "Scripts\python.exe"
& $python packaging\render_icons.py | Out-Null
& $python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\ukom-desktop.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

# The frozen console program must start, answer, and find OR-Tools' DLLs (the demo runs the scheduler).
$cli = Join-Path "dist" "ukom-desktop\ukom-desktop-cli.exe"
& $cli --version
if ($LASTEXITCODE -ne 0) { Write-Error "ukom-desktop-cli.exe --version gagal"; exit 1 }
$check = Join-Path $env:TEMP "ukom-build-check.sqlite"
Remove-Item $check -ErrorAction SilentlyContinue
$demo = & $cli --db $check demo --participants 8 --json | ConvertFrom-Json
if ($LASTEXITCODE -ne 0) { Write-Error "ukom-desktop-cli.exe demo gagal"; exit 1 }
& $cli --db $check schedule --event $demo.event_code --time-limit 5
if ($LASTEXITCODE -ne 0) { Write-Error "penyusunan jadwal (OR-Tools) gagal pada aplikasi beku"; exit 1 }
Remove-Item $check -ErrorAction SilentlyContinue

$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe") |
    Where-Object { Test-Path $_ } | Select-Object -First 1
if ($iscc) {
    $version = & $python -c "import ukom_desktop; print(ukom_desktop.__version__)"
    & $iscc "/DAppVersion=$version" packaging\windows\ukom-desktop.iss
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host "Selesai: dist\ukom-desktop\ dan dist\ukom-desktop-setup-$version.exe"
} else {
    Write-Host "Selesai: dist\ukom-desktop\ (Inno Setup 6 tidak ditemukan; pemasang tidak dibuat)"
}
