# Sets up everything UKOM Desktop needs in .venv on Windows: a virtual environment and the package with
# the given extras. The PowerShell twin of scripts/setup.sh (Qt needs no system libraries on Windows).
# Usage: powershell -ExecutionPolicy Bypass -File scripts\setup.ps1 [extras]   e.g.  ... setup.ps1 test
param([string]$Extras = "")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

$python = $env:PYTHON
if (-not $python) {
    foreach ($candidate in @("py -3.11", "py -3.12", "py -3.13", "python")) {
        $exe, $arg = $candidate.Split(" ", 2)
        if (Get-Command $exe -ErrorAction SilentlyContinue) {
            $args_ = @(); if ($arg) { $args_ += $arg }
            & $exe @args_ -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)" 2>$null
            if ($LASTEXITCODE -eq 0) { $python = $candidate; break }
        }
    }
}
if (-not $python) {
    Write-Error "Python 3.11 atau lebih baru tidak ditemukan. Pasang Python dari python.org terlebih dahulu."
    exit 1
}

$venvPython = Join-Path ".venv" "Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
    $exe, $arg = $python.Split(" ", 2)
    $args_ = @(); if ($arg) { $args_ += $arg }
    & $exe @args_ -m venv .venv
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
$spec = "."
if ($Extras) { $spec = ".[$Extras]" }
& $venvPython -m pip install --quiet --disable-pip-version-check -e $spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& $venvPython -c "import ukom_desktop, PySide6, sqlalchemy"
exit $LASTEXITCODE
