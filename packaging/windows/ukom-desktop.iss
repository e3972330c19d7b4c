; Inno Setup 6 script: installs the one-folder build (dist\ukom-desktop\) for the current user, without
; administrator rights. Built by packaging\build.ps1 (or: ISCC.exe /DAppVersion=0.1.0 packaging\windows\ukom-desktop.iss).
; - Start menu: UKOM Desktop (the window) and its uninstaller; optional desktop shortcut.
; - Data stays per user in %LOCALAPPDATA%\ukom-desktop (database, backups, logs); uninstalling keeps it.
; - .ukom packages (the assessor packages) open with UKOM Desktop.
; - ukom-desktop-cli.exe is installed beside the window for the commands of the README.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "UKOM Desktop"
#define AppExe "ukom-desktop.exe"

[Setup]
AppId={{6A0E8F3C-4B1D-4E55-9C7A-2D1F0B7E91A4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Pusat Penilaian Kompetensi
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=ukom-desktop-setup-{#AppVersion}
SetupIconFile=ukom-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Buat pintasan di desktop"; GroupDescription: "Pintasan:"; Flags: unchecked

[Files]
Source: "..\..\dist\ukom-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The per-user data folder the app uses (platformdirs: %LOCALAPPDATA%\ukom-desktop); never removed.
Name: "{localappdata}\ukom-desktop"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Hapus {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .ukom packages open with the window (per user: HKCU\Software\Classes).
Root: HKCU; Subkey: "Software\Classes\.ukom"; ValueType: string; ValueName: ""; ValueData: "UKOMDesktop.Paket"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\UKOMDesktop.Paket"; ValueType: string; ValueName: ""; ValueData: "Paket UKOM Desktop"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\UKOMDesktop.Paket\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\UKOMDesktop.Paket\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "Jalankan {#AppName}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: uninstalling keeps the database, backups and logs.
