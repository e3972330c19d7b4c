# Sets everything up, then opens UKOM Desktop on the embedded SQLite database (created on first start).
# The PowerShell twin of scripts/run-app.sh:
#   powershell -ExecutionPolicy Bypass -File scripts\run-app.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& powershell -ExecutionPolicy Bypass -File (Join-Path $PSScriptRoot "setup.ps1")
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& (Join-Path ".venv" "Scripts\ukom-desktop.exe") @args
exit $LASTEXITCODE
