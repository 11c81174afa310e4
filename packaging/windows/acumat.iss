; Inno Setup 6 script for AcuMat Desktop on Windows (x64). NOT YET BUILT in CI: see
; packaging/README.md. Build, from the repository root on Windows:
;
;   py -3.11 -m venv build\win-venv
;   build\win-venv\Scripts\pip install -c packaging\requirements-lock.txt ^
;       -r packaging\pyinstaller\requirements.txt .
;   build\win-venv\Scripts\pip uninstall -y acumat-desktop
;   build\win-venv\Scripts\pyinstaller --noconfirm --distpath dist\pyinstaller ^
;       --workpath build\pyinstaller packaging\pyinstaller\acumat.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\acumat.iss
;
; The bundle (dist\pyinstaller\acumat\) holds acumat.exe (console: the command line) and
; acumatw.exe (windowed: shortcuts and autostart). The installer puts it in Program Files (or,
; chosen in the first dialog, the user's own programs folder), adds a Start menu entry, and on
; uninstall quits a running AcuMat and removes the autostart entry the app may have written.
; The user's settings and history (%APPDATA%, %LOCALAPPDATA%\acumat-desktop) are kept.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (acumat_desktop.__version__)
#endif
#define AppId "io.github.acumat.acumat"
#define Root "..\.."
#define BundleDir Root + "\dist\pyinstaller\acumat"
; written by the spec while freezing (packaging/pyinstaller/platform_icons.py)
#define IconFile Root + "\build\pyinstaller\acumat.ico"

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{46C1089D-5B16-408C-B4CD-B00E3CBDEB3B}
AppName=AcuMat
AppVersion={#AppVersion}
AppVerName=AcuMat {#AppVersion}
AppPublisher=The AcuMat Desktop team
AppPublisherURL=https://github.com/acumat/acumat-desktop
AppSupportURL=https://github.com/acumat/acumat-desktop/issues
AppUpdatesURL=https://github.com/acumat/acumat-desktop/releases
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\AcuMat
DefaultGroupName=AcuMat
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
WizardStyle=modern
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\acumatw.exe
UninstallDisplayName=AcuMat
; Upgrades: close a running AcuMat through the Restart Manager, start it again afterwards.
CloseApplications=yes
RestartApplications=no
OutputDir={#Root}\dist
OutputBaseFilename=acumat-desktop-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version's bundle replaces the old one whole (no stale DLLs from an older Qt).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\AcuMat"; Filename: "{app}\acumatw.exe"; AppUserModelID: "{#AppId}"; Comment: "A calm companion for your acupressure mat"
Name: "{autodesktop}\AcuMat"; Filename: "{app}\acumatw.exe"; AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Run]
Filename: "{app}\acumatw.exe"; Description: "{cm:LaunchProgram,AcuMat}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; Ask a running AcuMat to quit (exit code 3, "not running", is fine too).
Filename: "{app}\acumat.exe"; Parameters: "quit"; Flags: runhidden waituntilterminated; RunOnceId: "QuitAcuMat"

[Registry]
; The app's "start at login" setting writes this value (acumat_desktop/services/autostart.py,
; WindowsRunKey.NAME); remove it with the program so nothing points at a deleted file.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "AcuMat"; Flags: uninsdeletevalue dontcreatekey
