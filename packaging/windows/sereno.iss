; Inno Setup script for Sereno on Windows (Inno Setup 6.3 or later).
;
; Cannot be built on the Linux machine this project is developed on. On Windows:
;   1. make bundle (or the commands in packaging/README.md, "Windows") so that
;      dist\sereno\sereno.exe exists;
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\sereno.iss
;   -> dist\Sereno-Setup-0.1.0.exe
;
; Installs for the current user only (no administrator password), under
; %LOCALAPPDATA%\Programs\Sereno, with a Start menu entry and a desktop icon. The
; installer speaks the system's language when it is Spanish, French or English.
; Uninstalling removes the program, never the person's answers (%LOCALAPPDATA%\Sereno).

#define AppName "Sereno"
; The version comes from app/__init__.py: ISCC /DAppVersion=0.1.0 sereno.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "sereno.exe"
#define Root "..\.."

[Setup]
; A fixed id: later versions update this installation instead of adding a second one.
AppId={{8F0C2A5E-6B3D-4F7A-9C1E-2D5B7A9E4C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Sereno contributors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=yes
DisableReadyPage=no
; Per user: {autopf} becomes %LOCALAPPDATA%\Programs, nothing asks for an administrator.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=Sereno-Setup-{#AppVersion}
SetupIconFile={#Root}\packaging\windows\sereno.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
; Large, readable wizard text for older eyes.
WizardSizePercent=130,130
Compression=lzma2/max
SolidCompression=yes
; Pick the installer language from Windows' own language, without asking.
ShowLanguageDialog=no
LanguageDetectionMethod=uilanguage
CloseApplications=yes
RestartApplications=no

[Languages]
; English first: it is the one used when Windows speaks none of the three.
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
es.LaunchSereno=Abrir Sereno ahora
fr.LaunchSereno=Ouvrir Sereno maintenant
en.LaunchSereno=Open Sereno now
es.DesktopIcon=Poner un ícono de Sereno en el escritorio
fr.DesktopIcon=Mettre une icône Sereno sur le bureau
en.DesktopIcon=Put a Sereno icon on the desktop
es.Comment=Ayuda tranquila tras una filtración de datos
fr.Comment=Aide rassurante après une fuite de données
en.Comment=Calm help after a data leak

[Tasks]
; Checked by default: the desktop icon is how most people will find Sereno.
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: checkedonce

[Files]
; The whole PyInstaller folder (sereno.exe and _internal\).
Source: "{#Root}\dist\sereno\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\packaging\windows\sereno.ico"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; An update replaces the program's libraries completely (no stale files from an older Qt).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\sereno.ico"; Comment: "{cm:Comment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\sereno.ico"; Comment: "{cm:Comment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchSereno}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. The answers in %LOCALAPPDATA%\Sereno stay.
Type: filesandordirs; Name: "{app}\_internal"
