# Sets everything up, then runs the whole test suite (PostgreSQL tests too when UKOM_TEST_POSTGRES_URL
# is set). The PowerShell twin of scripts/run-tests.sh:
#   powershell -ExecutionPolicy Bypass -File scripts\run-tests.ps1 [pytest arguments]
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& powershell -ExecutionPolicy Bypass -File (Join-Path $PSScriptRoot "setup.ps1") test
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& (Join-Path ".venv" "Scripts\python.exe") -m pytest @args
exit $LASTEXITCODE
