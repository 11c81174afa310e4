<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About</source>
            <translation>Über</translation>
        </message>
        <message>
            <source>AcuMat icon</source>
            <translation>AcuMat-Symbol</translation>
        </message>
        <message>
            <source>&lt;h2&gt;AcuMat&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;AcuMat&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>secondary</source>
            <translation>secondary</translation>
        </message>
        <message>
            <source>A calm companion for your acupressure mat: timed routines, breathing guidance, ambient sound and gentle reminders to get up from the desk.</source>
            <translation>Ein ruhiger Begleiter für deine Akupressurmatte: Routinen mit Zeitmaß, Atemführung, sanfte Klänge und freundliche Erinnerungen, vom Schreibtisch aufzustehen.</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
    </context>
    <context>
        <name>AmbienceMenu</name>
        <message>
            <source>Play &amp;ambience</source>
            <translation>&amp;Klangkulisse abspielen</translation>
        </message>
        <message>
            <source>No sleep timer</source>
            <translation>Kein Einschlaf-Timer</translation>
        </message>
        <message numerus="yes">
            <source>Sleep timer: %n min</source>
            <translation>
                <numerusform>Einschlaf-Timer: %n Min.</numerusform>
                <numerusform>Einschlaf-Timer: %n Min.</numerusform>
            </translation>
        </message>
        <message>
            <source>Saved mixes</source>
            <translation>Gespeicherte Mischungen</translation>
        </message>
    </context>
    <context>
        <name>AppActions</name>
        <message>
            <source>&amp;Open AcuMat</source>
            <translation>AcuMat ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Show the AcuMat window</source>
            <translation>Das AcuMat-Fenster zeigen</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Close window</source>
            <translation>Fenster &amp;schließen</translation>
        </message>
        <message>
            <source>Hide the window; AcuMat stays in the tray</source>
            <translation>Fenster ausblenden; AcuMat bleibt in der Systemleiste</translation>
        </message>
        <message>
            <source>&amp;About AcuMat</source>
            <translation>Ü&amp;ber AcuMat</translation>
        </message>
    </context>
    <context>
        <name>AudioPlayer</name>
        <message>
            <source>No sound output found — AcuMat runs silently</source>
            <translation>Keine Tonausgabe gefunden – AcuMat läuft ohne Klang</translation>
        </message>
    </context>
    <context>
        <name>BreathDial</name>
        <message>
            <source>Session timer</source>
            <translation>Zeitanzeige der Einheit</translation>
        </message>
        <message>
            <source>No session</source>
            <translation>Keine Einheit</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Pausiert</translation>
        </message>
        <message>
            <source>%1 minutes left</source>
            <translation>noch %1 Minuten</translation>
        </message>
        <message>
            <source>About a minute left</source>
            <translation>noch etwa eine Minute</translation>
        </message>
        <message>
            <source>Time is up</source>
            <translation>Die Zeit ist um</translation>
        </message>
    </context>
    <context>
        <name>CalmDialog</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>Feelings</name>
        <message>
            <source>Not great</source>
            <translation>Nicht so gut</translation>
        </message>
        <message>
            <source>So-so</source>
            <translation>Geht so</translation>
        </message>
        <message>
            <source>Okay</source>
            <translation>Okay</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>Gut</translation>
        </message>
        <message>
            <source>Great</source>
            <translation>Sehr gut</translation>
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <source>Export sessions</source>
            <translation>Einheiten exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>Delete session</source>
            <translation>Einheit löschen</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 Min.</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 Std. %2 Min.</translation>
        </message>
        <message>
            <source>Session history</source>
            <translation>Verlauf deiner Einheiten</translation>
        </message>
        <message>
            <source>‹ Back</source>
            <translation>‹ Zurück</translation>
        </message>
        <message>
            <source>Back to the routines</source>
            <translation>Zurück zu den Routinen</translation>
        </message>
        <message>
            <source>Your sessions</source>
            <translation>Deine Einheiten</translation>
        </message>
        <message>
            <source>Add a session…</source>
            <translation>Einheit nachtragen…</translation>
        </message>
        <message>
            <source>A session you did on the mat without AcuMat</source>
            <translation>Eine Einheit, die du ohne AcuMat auf der Matte gemacht hast</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Als CSV exportieren…</translation>
        </message>
        <message>
            <source>Export all sessions as CSV</source>
            <translation>Alle Einheiten als CSV exportieren</translation>
        </message>
        <message>
            <source>this week</source>
            <translation>diese Woche</translation>
        </message>
        <message numerus="yes">
            <source>day streak</source>
            <translation>
                <numerusform>Tag in Folge</numerusform>
                <numerusform>Tage in Folge</numerusform>
            </translation>
        </message>
        <message>
            <source>all time</source>
            <translation>insgesamt</translation>
        </message>
        <message>
            <source>Days in a row with a session; one rest day is forgiven.</source>
            <translation>Tage in Folge mit einer Einheit; ein Ruhetag zwischendurch ist erlaubt.</translation>
        </message>
        <message>
            <source>Do this again</source>
            <translation>Noch einmal</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Bearbeiten…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>Minutes on the mat: %1</source>
            <translation>Minuten auf der Matte: %1</translation>
        </message>
        <message numerus="yes">
            <source>Streak: %n days</source>
            <translation>
                <numerusform>%n Tag in Folge</numerusform>
                <numerusform>%n Tage in Folge</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sessions</source>
            <translation>
                <numerusform>%n Einheit</numerusform>
                <numerusform>%n Einheiten</numerusform>
            </translation>
        </message>
        <message>
            <source>Added %1 on %2.</source>
            <translation>%1 am %2 nachgetragen.</translation>
        </message>
        <message>
            <source>That change was not saved: another session of this routine starts at the same time.</source>
            <translation>Die Änderung wurde nicht gespeichert: Zur selben Zeit beginnt schon eine andere Einheit dieser Routine.</translation>
        </message>
        <message>
            <source>Session changed.</source>
            <translation>Einheit geändert.</translation>
        </message>
        <message>
            <source>Delete the %1 session of %2? This cannot be undone.</source>
            <translation>Die Einheit „%1“ vom %2 löschen? Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Session deleted.</source>
            <translation>Einheit gelöscht.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>%1 konnte nicht geschrieben werden: %2</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n sessions to %1</source>
            <translation>
                <numerusform>%n Einheit in %1 gespeichert</numerusform>
                <numerusform>%n Einheiten in %1 gespeichert</numerusform>
            </translation>
        </message>
        <message>
            <source>The history could not be read.</source>
            <translation>Der Verlauf konnte nicht gelesen werden.</translation>
        </message>
        <message>
            <source>No sessions yet. Your first one will appear here.</source>
            <translation>Noch keine Einheiten. Deine erste erscheint hier.</translation>
        </message>
        <message>
            <source>No sessions in this week.</source>
            <translation>Keine Einheiten in dieser Woche.</translation>
        </message>
        <message>
            <source>No sessions in this month.</source>
            <translation>Keine Einheiten in diesem Monat.</translation>
        </message>
        <message>
            <source>No desk time yet in this period. With reminders on, AcuMat counts how long you sit at the computer and shows it here.</source>
            <translation>In diesem Zeitraum noch keine Zeit am Schreibtisch. Wenn die Erinnerungen an sind, zählt AcuMat, wie lange du am Computer sitzt, und zeigt es hier.</translation>
        </message>
        <message>
            <source>At the desk: %1 sitting</source>
            <translation>Am Schreibtisch: %1 gesessen</translation>
        </message>
        <message>
            <source>  ·  Reminders: %1 shown, %2 followed, %3 snoozed</source>
            <translation>  ·  Erinnerungen: %1 gezeigt, %2 befolgt, %3 verschoben</translation>
        </message>
        <message>
            <source>  ·  No reminders</source>
            <translation>  ·  Keine Erinnerungen</translation>
        </message>
    </context>
    <context>
        <name>IdleSourceRows</name>
        <message>
            <source>none found — reminders fall back to plain elapsed time since your last break</source>
            <translation>keine gefunden – die Erinnerungen zählen einfach die Zeit seit deiner letzten Pause</translation>
        </message>
        <message>
            <source>Keyboard and mouse watched through</source>
            <translation>Tastatur und Maus beobachtet über</translation>
        </message>
        <message>
            <source>Last keyboard or mouse use</source>
            <translation>Zuletzt Tastatur oder Maus benutzt</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message numerus="yes">
            <source>%n seconds ago</source>
            <translation>
                <numerusform>vor %n Sekunde</numerusform>
                <numerusform>vor %n Sekunden</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>KeepAwake</name>
        <message>
            <source>the desktop portal</source>
            <translation>das Desktop-Portal</translation>
        </message>
        <message>
            <source>the GNOME session manager</source>
            <translation>die GNOME-Sitzungsverwaltung</translation>
        </message>
        <message>
            <source>the desktop's screen saver service</source>
            <translation>den Bildschirmschoner-Dienst der Arbeitsumgebung</translation>
        </message>
        <message>
            <source>logind (blocks suspend)</source>
            <translation>logind (verhindert den Ruhezustand)</translation>
        </message>
        <message>
            <source>the X screen saver</source>
            <translation>den X-Bildschirmschoner</translation>
        </message>
        <message>
            <source>Windows power requests</source>
            <translation>Windows-Energieanforderungen</translation>
        </message>
        <message>
            <source>a macOS power assertion</source>
            <translation>eine macOS-Energiezusicherung</translation>
        </message>
        <message>
            <source>nothing found on this computer: the screen may lock during a session</source>
            <translation>auf diesem Computer nichts gefunden: Der Bildschirm kann sich während einer Einheit sperren</translation>
        </message>
        <message>
            <source> and </source>
            <translation> und </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;AcuMat</source>
            <translation>&amp;AcuMat</translation>
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation>&amp;Vollbild</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Close this message</source>
            <translation>Diese Meldung schließen</translation>
        </message>
        <message>
            <source>Routines and the session timer will live here.</source>
            <translation>Hier wohnen bald die Routinen und die Zeitanzeige.</translation>
        </message>
        <message>
            <source>Routines and timer</source>
            <translation>Routinen und Zeitanzeige</translation>
        </message>
        <message>
            <source>Command-line control is unavailable (see the log).</source>
            <translation>Die Steuerung über die Befehlszeile ist nicht verfügbar (siehe Protokoll).</translation>
        </message>
        <message>
            <source>No system tray was found, so AcuMat stays in this window; closing it quits. On GNOME, the AppIndicator extension adds a tray.</source>
            <translation>Es wurde keine Systemleiste gefunden, darum bleibt AcuMat in diesem Fenster; wenn du es schließt, wird AcuMat beendet. Unter GNOME bringt die Erweiterung „AppIndicator“ eine Systemleiste mit.</translation>
        </message>
        <message>
            <source>AcuMat settings</source>
            <translation>AcuMat-Einstellungen</translation>
        </message>
        <message>
            <source>AcuMat history</source>
            <translation>AcuMat-Verlauf</translation>
        </message>
        <message>
            <source>The system tray went away, so AcuMat stays in this window; closing it quits.</source>
            <translation>Die Systemleiste ist verschwunden, darum bleibt AcuMat in diesem Fenster; wenn du es schließt, wird AcuMat beendet.</translation>
        </message>
    </context>
    <context>
        <name>OutputDeviceCombo</name>
        <message>
            <source>Sound output</source>
            <translation>Tonausgabe</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Systemstandard</translation>
        </message>
        <message>
            <source>{0} (not connected)</source>
            <translation>{0} (nicht verbunden)</translation>
        </message>
    </context>
    <context>
        <name>PatternActions</name>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Behalten</translation>
        </message>
        <message>
            <source>Saved the breathing pattern %1</source>
            <translation>Atemmuster %1 gespeichert</translation>
        </message>
        <message>
            <source>the default breathing in Settings</source>
            <translation>die Standard-Atmung in den Einstellungen</translation>
        </message>
        <message>
            <source>“%1” is in use</source>
            <translation>„%1“ wird verwendet</translation>
        </message>
        <message>
            <source>It is the breathing of: %1. Choose another pattern there first, then it can be deleted.</source>
            <translation>Es ist die Atmung von: %1. Wähle dort zuerst ein anderes Muster, dann kannst du es löschen.</translation>
        </message>
        <message>
            <source>Delete the breathing pattern “%1”? This cannot be undone.</source>
            <translation>Das Atemmuster „%1“ löschen? Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Delete breathing pattern</source>
            <translation>Atemmuster löschen</translation>
        </message>
        <message>
            <source>Could not delete the pattern</source>
            <translation>Das Muster konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <source>Deleted the breathing pattern %1</source>
            <translation>Atemmuster %1 gelöscht</translation>
        </message>
    </context>
    <context>
        <name>PatternEditor</name>
        <message>
            <source>New breathing pattern</source>
            <translation>Neues Atemmuster</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>For example: Slow evening</source>
            <translation>Zum Beispiel: Ruhiger Abend</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Optional: what it is for</source>
            <translation>Optional: wofür es gedacht ist</translation>
        </message>
        <message>
            <source>Breathe &amp;in:</source>
            <translation>&amp;Einatmen:</translation>
        </message>
        <message>
            <source>&amp;Hold:</source>
            <translation>&amp;Halten:</translation>
        </message>
        <message>
            <source>Breathe &amp;out:</source>
            <translation>&amp;Ausatmen:</translation>
        </message>
        <message>
            <source>&amp;Rest:</source>
            <translation>&amp;Ruhen:</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>Your version of %1</source>
            <translation>Deine Version von %1</translation>
        </message>
        <message>
            <source>%1 (my version)</source>
            <translation>%1 (meine Version)</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>%1 bearbeiten</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Beschreibung:</translation>
        </message>
        <message>
            <source>Slow, gentle breathing: each breath between 3 and 60 seconds. A longer breath out than in helps most people relax.</source>
            <translation>Langsam und sanft atmen: jeder Atemzug zwischen 3 und 60 Sekunden. Wenn das Ausatmen länger dauert als das Einatmen, entspannen sich die meisten leichter.</translation>
        </message>
        <message>
            <source>One breath: %1 s, about %2 breaths a minute</source>
            <translation>Ein Atemzug: %1 s, etwa %2 pro Minute</translation>
        </message>
        <message>
            <source>Give the pattern a name.</source>
            <translation>Gib dem Muster einen Namen.</translation>
        </message>
        <message>
            <source>Breathing in can last from %1 to %2 seconds.</source>
            <translation>Das Einatmen kann %1 bis %2 Sekunden dauern.</translation>
        </message>
        <message>
            <source>A hold can last from %1 to %2 seconds.</source>
            <translation>Das Halten kann %1 bis %2 Sekunden dauern.</translation>
        </message>
        <message>
            <source>Breathing out can last from %1 to %2 seconds.</source>
            <translation>Das Ausatmen kann %1 bis %2 Sekunden dauern.</translation>
        </message>
        <message>
            <source>A rest can last from %1 to %2 seconds.</source>
            <translation>Die Ruhe kann %1 bis %2 Sekunden dauern.</translation>
        </message>
        <message>
            <source>Keep one breath between 3 and 60 seconds (3 to 20 breaths a minute).</source>
            <translation>Ein Atemzug sollte zwischen 3 und 60 Sekunden dauern (3 bis 20 Atemzüge pro Minute).</translation>
        </message>
        <message>
            <source>The pattern could not be saved: %1</source>
            <translation>Das Muster konnte nicht gespeichert werden: %1</translation>
        </message>
    </context>
    <context>
        <name>PatternMenuButton</name>
        <message>
            <source>Pattern</source>
            <translation>Muster</translation>
        </message>
        <message>
            <source>Change or delete this breathing pattern</source>
            <translation>Dieses Atemmuster ändern oder löschen</translation>
        </message>
        <message>
            <source>Edit “%1”…</source>
            <translation>„%1“ bearbeiten …</translation>
        </message>
        <message>
            <source>Your own version of “%1”…</source>
            <translation>Deine eigene Version von „%1“ …</translation>
        </message>
        <message>
            <source>Delete “%1”…</source>
            <translation>„%1“ löschen …</translation>
        </message>
    </context>
    <context>
        <name>PeriodBar</name>
        <message>
            <source>Earlier</source>
            <translation>Früher</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Später</translation>
        </message>
        <message>
            <source>&amp;Week</source>
            <translation>&amp;Woche</translation>
        </message>
        <message>
            <source>&amp;Month</source>
            <translation>&amp;Monat</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>Diese Woche</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Dieser Monat</translation>
        </message>
        <message>
            <source>this week</source>
            <translation>diese Woche</translation>
        </message>
        <message>
            <source>this month</source>
            <translation>diesen Monat</translation>
        </message>
        <message>
            <source>Last week</source>
            <translation>Letzte Woche</translation>
        </message>
        <message>
            <source>last week</source>
            <translation>letzte Woche</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <translation>%1 – %2</translation>
        </message>
        <message>
            <source>that week</source>
            <translation>in der Woche</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>im %1</translation>
        </message>
    </context>
    <context>
        <name>ReminderPopup</name>
        <message>
            <source>Time for the mat</source>
            <translation>Zeit für die Matte</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Close the reminder</source>
            <translation>Erinnerung schließen</translation>
        </message>
        <message>
            <source>A few minutes on the mat loosen the back after sitting.</source>
            <translation>Ein paar Minuten auf der Matte lockern den Rücken nach dem Sitzen.</translation>
        </message>
        <message>
            <source>Start a desk break</source>
            <translation>Schreibtischpause beginnen</translation>
        </message>
        <message>
            <source>Snooze %1 minutes</source>
            <translation>In %1 Minuten erinnern</translation>
        </message>
        <message>
            <source>Start the desk-break routine on the mat</source>
            <translation>Die Schreibtischpause auf der Matte beginnen</translation>
        </message>
        <message>
            <source>Snooze</source>
            <translation>Später</translation>
        </message>
        <message>
            <source>Remind me again later</source>
            <translation>Erinnere mich später noch einmal</translation>
        </message>
        <message>
            <source>I just moved</source>
            <translation>Ich habe mich gerade bewegt</translation>
        </message>
        <message>
            <source>I just moved: start counting again</source>
            <translation>Ich habe mich gerade bewegt: neu zu zählen beginnen</translation>
        </message>
        <message>
            <source>You've been sitting for %1.</source>
            <translation>Du sitzt jetzt seit %1.</translation>
        </message>
        <message numerus="yes">
            <source>%n seconds</source>
            <translation>
                <numerusform>%n Sekunde</numerusform>
                <numerusform>%n Sekunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hours</source>
            <translation>
                <numerusform>%n Stunde</numerusform>
                <numerusform>%n Stunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minutes</source>
            <translation>
                <numerusform>%n Minute</numerusform>
                <numerusform>%n Minuten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Start a %n-minute desk break</source>
            <translation>
                <numerusform>%n Minute Schreibtischpause beginnen</numerusform>
                <numerusform>%n Minuten Schreibtischpause beginnen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Snooze %n minutes</source>
            <translation>
                <numerusform>In %n Minute erinnern</numerusform>
                <numerusform>In %n Minuten erinnern</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReminderPrompter</name>
        <message>
            <source>Time for the mat</source>
            <translation>Zeit für die Matte</translation>
        </message>
        <message>
            <source>I just moved</source>
            <translation>Ich habe mich gerade bewegt</translation>
        </message>
        <message>
            <source>You've been sitting for %1.</source>
            <translation>Du sitzt jetzt seit %1.</translation>
        </message>
    </context>
    <context>
        <name>RemindersTray</name>
        <message numerus="yes">
            <source>Sitting for %n minutes; the reminder is snoozed</source>
            <translation>
                <numerusform>Seit %n Minute am Sitzen; die Erinnerung ist verschoben</numerusform>
                <numerusform>Seit %n Minuten am Sitzen; die Erinnerung ist verschoben</numerusform>
            </translation>
        </message>
        <message>
            <source>Sitting for under a minute</source>
            <translation>Seit weniger als einer Minute am Sitzen</translation>
        </message>
        <message numerus="yes">
            <source>Sitting for %n minutes</source>
            <translation>
                <numerusform>Seit %n Minute am Sitzen</numerusform>
                <numerusform>Seit %n Minuten am Sitzen</numerusform>
            </translation>
        </message>
        <message>
            <source>Pause reminders</source>
            <translation>Erinnerungen pausieren</translation>
        </message>
        <message>
            <source>For 30 minutes</source>
            <translation>Für 30 Minuten</translation>
        </message>
        <message>
            <source>For 1 hour</source>
            <translation>Für 1 Stunde</translation>
        </message>
        <message>
            <source>For 2 hours</source>
            <translation>Für 2 Stunden</translation>
        </message>
        <message>
            <source>Until tomorrow</source>
            <translation>Bis morgen</translation>
        </message>
        <message>
            <source>Resume reminders</source>
            <translation>Erinnerungen fortsetzen</translation>
        </message>
    </context>
    <context>
        <name>RoutineActions</name>
        <message>
            <source>Import a routine</source>
            <translation>Eine Routine importieren</translation>
        </message>
        <message>
            <source>Export routine</source>
            <translation>Routine exportieren</translation>
        </message>
        <message>
            <source>Routine not found</source>
            <translation>Routine nicht gefunden</translation>
        </message>
        <message>
            <source>%1 (my version)</source>
            <translation>%1 (meine Fassung)</translation>
        </message>
        <message>
            <source>Could not duplicate the routine</source>
            <translation>Die Routine konnte nicht kopiert werden</translation>
        </message>
        <message>
            <source>Made a copy: %1</source>
            <translation>Kopie angelegt: %1</translation>
        </message>
        <message>
            <source>Built-in routine</source>
            <translation>Mitgelieferte Routine</translation>
        </message>
        <message>
            <source>%1 is built in and cannot be deleted.</source>
            <translation>„%1“ ist mitgeliefert und kann nicht gelöscht werden.</translation>
        </message>
        <message>
            <source>Delete “%1”? This cannot be undone.</source>
            <translation>„%1“ löschen? Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Delete routine</source>
            <translation>Routine löschen</translation>
        </message>
        <message>
            <source>Could not delete the routine</source>
            <translation>Die Routine konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <source>Deleted %1</source>
            <translation>„%1“ gelöscht</translation>
        </message>
        <message>
            <source>Could not import %1</source>
            <translation>%1 konnte nicht importiert werden</translation>
        </message>
        <message>
            <source>Imported %1</source>
            <translation>%1 importiert</translation>
        </message>
        <message>
            <source>Could not export the routine</source>
            <translation>Die Routine konnte nicht exportiert werden</translation>
        </message>
        <message>
            <source>Exported %1 to %2</source>
            <translation>„%1“ nach %2 exportiert</translation>
        </message>
        <message>
            <source>Could not save the routine</source>
            <translation>Die Routine konnte nicht gespeichert werden</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>„%1“ gespeichert</translation>
        </message>
    </context>
    <context>
        <name>RoutineCards</name>
        <message>
            <source>Yours</source>
            <translation>Eigene</translation>
        </message>
        <message>
            <source>%1–%2 minutes</source>
            <translation>%1–%2 Minuten</translation>
        </message>
        <message>
            <source>%1–%2 min</source>
            <translation>%1–%2 Min.</translation>
        </message>
        <message>
            <source>%1 minutes</source>
            <translation>%1 Minuten</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 Min.</translation>
        </message>
        <message>
            <source>Your routine</source>
            <translation>Deine Routine</translation>
        </message>
        <message>
            <source>Favourite</source>
            <translation>Favorit</translation>
        </message>
        <message>
            <source>For %1</source>
            <translation>Für %1</translation>
        </message>
    </context>
    <context>
        <name>RoutineDetails</name>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source>Session length in minutes</source>
            <translation>Dauer der Einheit in Minuten</translation>
        </message>
        <message>
            <source>Breathing pattern</source>
            <translation>Atemmuster</translation>
        </message>
        <message>
            <source>Soundscape</source>
            <translation>Klangkulisse</translation>
        </message>
        <message>
            <source>&amp;Minutes:</source>
            <translation>&amp;Minuten:</translation>
        </message>
        <message>
            <source>&amp;Breathing:</source>
            <translation>&amp;Atmung:</translation>
        </message>
        <message>
            <source>&amp;Ease in: start at an everyday pace</source>
            <translation>&amp;Sanft einsteigen: im Alltagstempo beginnen</translation>
        </message>
        <message>
            <source>The breathing starts at about 12 breaths a minute and slows to the pattern's own pace over the first two minutes.</source>
            <translation>Die Atmung beginnt mit etwa 12 Atemzügen pro Minute und wird in den ersten zwei Minuten langsamer, bis sie das Tempo des Musters erreicht.</translation>
        </message>
        <message>
            <source>Ease into the breathing pattern</source>
            <translation>Sanft in das Atemmuster finden</translation>
        </message>
        <message>
            <source>S&amp;ound:</source>
            <translation>&amp;Klang:</translation>
        </message>
        <message>
            <source>Stop the ambience</source>
            <translation>Klangkulisse anhalten</translation>
        </message>
        <message>
            <source>Listen to this sound now</source>
            <translation>Diesen Klang jetzt anhören</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Bearbeiten…</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Beginnen</translation>
        </message>
        <message>
            <source>More</source>
            <translation>Mehr</translation>
        </message>
        <message>
            <source>More actions for this routine</source>
            <translation>Weitere Aktionen für diese Routine</translation>
        </message>
        <message>
            <source>Add to favourites</source>
            <translation>Zu den Favoriten</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>No routines for this goal yet</source>
            <translation>Noch keine Routinen für dieses Ziel</translation>
        </message>
        <message>
            <source>Choose another goal, or create your own routine.</source>
            <translation>Wähle ein anderes Ziel oder lege deine eigene Routine an.</translation>
        </message>
        <message>
            <source>About %1</source>
            <translation>Über %1</translation>
        </message>
        <message>
            <source>Customise…</source>
            <translation>Anpassen…</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>%1 bearbeiten</translation>
        </message>
        <message>
            <source>Customise %1 (built in: make your own copy)</source>
            <translation>%1 anpassen (mitgeliefert: du bekommst deine eigene Kopie)</translation>
        </message>
        <message>
            <source>Start %1</source>
            <translation>%1 beginnen</translation>
        </message>
        <message>
            <source>Remove from favourites</source>
            <translation>Aus den Favoriten entfernen</translation>
        </message>
        <message>
            <source>%1 is a gentler start for now.</source>
            <translation>%1 ist für den Anfang sanfter.</translation>
        </message>
        <message>
            <source>The plan can be turned off or its weekly step changed in Settings.</source>
            <translation>Den Plan kannst du in den Einstellungen ausschalten oder seinen wöchentlichen Schritt ändern.</translation>
        </message>
        <message numerus="yes">
            <source>This routine takes at least %n minutes, more than week %1 of getting used to the mat suggests (up to %2).</source>
            <translation>
                <numerusform>Diese Routine dauert mindestens %n Minute, länger als Woche %1 der Eingewöhnung an die Matte vorschlägt (bis zu %2).</numerusform>
                <numerusform>Diese Routine dauert mindestens %n Minuten, länger als Woche %1 der Eingewöhnung an die Matte vorschlägt (bis zu %2).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Week %1 of getting used to the mat: up to %n minutes</source>
            <translation>
                <numerusform>Woche %1 der Eingewöhnung: bis zu %n Minute</numerusform>
                <numerusform>Woche %1 der Eingewöhnung: bis zu %n Minuten</numerusform>
            </translation>
        </message>
        <message>
            <source>%1–%2 minutes; shorter while you get used to the mat</source>
            <translation>%1–%2 Minuten; kürzer, solange du dich an die Matte gewöhnst</translation>
        </message>
        <message>
            <source>%1–%2 minutes</source>
            <translation>%1–%2 Minuten</translation>
        </message>
        <message>
            <source>Routine default: %1</source>
            <translation>Vorgabe der Routine: %1</translation>
        </message>
        <message>
            <source>Before you start</source>
            <translation>Bevor du beginnst</translation>
        </message>
    </context>
    <context>
        <name>RoutineEditor</name>
        <message>
            <source>Your version of %1</source>
            <translation>Deine Fassung von %1</translation>
        </message>
        <message>
            <source>New routine</source>
            <translation>Neue Routine</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>%1 bearbeiten</translation>
        </message>
        <message>
            <source>This is your own copy of “%1”. Change what you like: it is kept as a new routine when you press Save, and the built-in one stays as it is.</source>
            <translation>Das ist deine eigene Kopie von „%1“. Ändere, was du möchtest: Mit „Speichern“ wird sie als neue Routine behalten, und die mitgelieferte bleibt, wie sie ist.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Purpose, in one line</source>
            <translation>Wofür, in einer Zeile</translation>
        </message>
        <message>
            <source>What it is for, in a few words</source>
            <translation>Wofür sie gedacht ist, in wenigen Worten</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Haltung</translation>
        </message>
        <message>
            <source>Breathing pattern</source>
            <translation>Atemmuster</translation>
        </message>
        <message>
            <source>Soundscape</source>
            <translation>Klangkulisse</translation>
        </message>
        <message>
            <source>Tips before the start, one a line</source>
            <translation>Tipps vor dem Beginn, einer pro Zeile</translation>
        </message>
        <message>
            <source>One tip a line</source>
            <translation>Ein Tipp pro Zeile</translation>
        </message>
        <message>
            <source>Cues during the session, one a line</source>
            <translation>Hinweise während der Einheit, einer pro Zeile</translation>
        </message>
        <message>
            <source>3 min: Move the pillow under your neck</source>
            <translation>3 min: Schieb das Kissen unter deinen Nacken</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Purpose:</source>
            <translation>&amp;Wofür:</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Beschreibung:</translation>
        </message>
        <message>
            <source>Goals:</source>
            <translation>Ziele:</translation>
        </message>
        <message>
            <source>P&amp;osition:</source>
            <translation>&amp;Haltung:</translation>
        </message>
        <message>
            <source>&amp;Minutes:</source>
            <translation>&amp;Minuten:</translation>
        </message>
        <message>
            <source>&amp;Breathing:</source>
            <translation>&amp;Atmung:</translation>
        </message>
        <message>
            <source>&amp;Sound:</source>
            <translation>&amp;Klang:</translation>
        </message>
        <message>
            <source>&amp;Tips:</source>
            <translation>&amp;Tipps:</translation>
        </message>
        <message>
            <source>&amp;Cues:</source>
            <translation>Hinw&amp;eise:</translation>
        </message>
        <message>
            <source>Goal: %1</source>
            <translation>Ziel: %1</translation>
        </message>
        <message>
            <source>Default minutes</source>
            <translation>Minuten als Vorgabe</translation>
        </message>
        <message>
            <source>Shortest, in minutes</source>
            <translation>Kürzeste Dauer, in Minuten</translation>
        </message>
        <message>
            <source>Longest, in minutes</source>
            <translation>Längste Dauer, in Minuten</translation>
        </message>
        <message>
            <source>default</source>
            <translation>Vorgabe</translation>
        </message>
        <message>
            <source>shortest</source>
            <translation>kürzeste</translation>
        </message>
        <message>
            <source>longest</source>
            <translation>längste</translation>
        </message>
        <message>
            <source>New pattern…</source>
            <translation>Neues Muster…</translation>
        </message>
        <message>
            <source>Give the routine a name of up to 60 characters.</source>
            <translation>Gib der Routine einen Namen mit höchstens 60 Zeichen.</translation>
        </message>
        <message>
            <source>Say in one short line what the routine is for.</source>
            <translation>Sag in einer kurzen Zeile, wofür die Routine gedacht ist.</translation>
        </message>
        <message>
            <source>Keep the description under 2000 characters.</source>
            <translation>Die Beschreibung sollte unter 2000 Zeichen bleiben.</translation>
        </message>
        <message>
            <source>Up to 12 tips, each under 300 characters.</source>
            <translation>Bis zu 12 Tipps, jeder unter 300 Zeichen.</translation>
        </message>
        <message>
            <source>The shortest time must not be longer than the longest.</source>
            <translation>Die kürzeste Dauer darf nicht länger sein als die längste.</translation>
        </message>
        <message>
            <source>The default must be between %1 and %2 minutes.</source>
            <translation>Die Vorgabe muss zwischen %1 und %2 Minuten liegen.</translation>
        </message>
    </context>
    <context>
        <name>RoutinePicker</name>
        <message>
            <source>Choose a routine</source>
            <translation>Wähle eine Routine</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>Neu…</translation>
        </message>
        <message>
            <source>New routine</source>
            <translation>Neue Routine</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Importieren…</translation>
        </message>
        <message>
            <source>Import a routine</source>
            <translation>Eine Routine importieren</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Session history</source>
            <translation>Verlauf deiner Einheiten</translation>
        </message>
        <message>
            <source>Goal:</source>
            <translation>Ziel:</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Show all routines</source>
            <translation>Alle Routinen zeigen</translation>
        </message>
        <message>
            <source>Show routines for %1</source>
            <translation>Routinen für %1 zeigen</translation>
        </message>
        <message>
            <source>Routines</source>
            <translation>Routinen</translation>
        </message>
    </context>
    <context>
        <name>SafetyNoteDialog</name>
        <message>
            <source>I understand</source>
            <translation>Verstanden</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Jetzt nicht</translation>
        </message>
        <message>
            <source>Not now: do not start the session</source>
            <translation>Jetzt nicht: die Einheit nicht beginnen</translation>
        </message>
    </context>
    <context>
        <name>SafetySheet</name>
        <message>
            <source>Not now</source>
            <translation>Jetzt nicht</translation>
        </message>
        <message>
            <source>Your session is paused until you have read this. It takes a minute.</source>
            <translation>Deine Einheit ist pausiert, bis du das gelesen hast. Es dauert nur eine Minute.</translation>
        </message>
        <message>
            <source>I understand, continue</source>
            <translation>Verstanden, weiter</translation>
        </message>
        <message>
            <source>Not now: stop the session</source>
            <translation>Jetzt nicht: die Einheit beenden</translation>
        </message>
        <message>
            <source>Please read this once before your first session.</source>
            <translation>Bitte lies das einmal vor deiner ersten Einheit.</translation>
        </message>
        <message>
            <source>I understand, begin</source>
            <translation>Verstanden, beginnen</translation>
        </message>
    </context>
    <context>
        <name>SessionActions</name>
        <message>
            <source>Pause session</source>
            <translation>Einheit pausieren</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Stop session…</source>
            <translation>Einheit beenden…</translation>
        </message>
        <message>
            <source>Stop…</source>
            <translation>Beenden…</translation>
        </message>
        <message>
            <source>One minute less</source>
            <translation>Eine Minute weniger</translation>
        </message>
        <message>
            <source>−1 min</source>
            <translation>−1 Min.</translation>
        </message>
        <message>
            <source>One minute more</source>
            <translation>Eine Minute mehr</translation>
        </message>
        <message>
            <source>+1 min</source>
            <translation>+1 Min.</translation>
        </message>
        <message>
            <source>Resume session</source>
            <translation>Einheit fortsetzen</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Weiter</translation>
        </message>
    </context>
    <context>
        <name>SessionEndNotice</name>
        <message numerus="yes">
            <source>%1: %n minutes done</source>
            <translation>
                <numerusform>%1: %n Minute geschafft</numerusform>
                <numerusform>%1: %n Minuten geschafft</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SessionEntryDialog</name>
        <message>
            <source>Add a session</source>
            <translation>Einheit nachtragen</translation>
        </message>
        <message>
            <source>Edit session</source>
            <translation>Einheit bearbeiten</translation>
        </message>
        <message>
            <source>A session you did on the mat without AcuMat counts just the same.</source>
            <translation>Eine Einheit, die du ohne AcuMat auf der Matte gemacht hast, zählt genauso.</translation>
        </message>
        <message>
            <source>Correct this session if something is not right.</source>
            <translation>Korrigiere die Einheit, wenn etwas nicht stimmt.</translation>
        </message>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source>Not noted</source>
            <translation>Nicht notiert</translation>
        </message>
        <message>
            <source>&amp;Routine:</source>
            <translation>&amp;Routine:</translation>
        </message>
        <message>
            <source>&amp;Started:</source>
            <translation>&amp;Begonnen:</translation>
        </message>
        <message>
            <source>&amp;Minutes on the mat:</source>
            <translation>&amp;Minuten auf der Matte:</translation>
        </message>
        <message>
            <source>&amp;Feeling afterwards:</source>
            <translation>&amp;Gefühl danach:</translation>
        </message>
    </context>
    <context>
        <name>SessionLists</name>
        <message>
            <source>ddd dd MMM, HH:mm</source>
            <comment>date and time</comment>
            <translation>ddd d. MMM, HH:mm</translation>
        </message>
        <message>
            <source>Session lists</source>
            <translation>Listen der Einheiten</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Einheiten</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Routine</source>
            <translation>Routine</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minuten</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Feeling</source>
            <translation>Gefühl</translation>
        </message>
        <message>
            <source>Totals per routine</source>
            <translation>Summen je Routine</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>&amp;Sessions</source>
            <translation>&amp;Einheiten</translation>
        </message>
        <message>
            <source>By &amp;routine</source>
            <translation>Nach &amp;Routine</translation>
        </message>
        <message>
            <source>Do this &amp;again</source>
            <translation>&amp;Noch einmal</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Bearbeiten…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Löschen…</translation>
        </message>
        <message>
            <source>Entered by hand</source>
            <translation>Von Hand eingetragen</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Beendet</translation>
        </message>
    </context>
    <context>
        <name>SessionPages</name>
        <message>
            <source>Session &amp;history</source>
            <translation>Ve&amp;rlauf der Einheiten</translation>
        </message>
        <message>
            <source>&amp;Safety note…</source>
            <translation>&amp;Sicherheitshinweis…</translation>
        </message>
        <message>
            <source>That routine is no longer among your routines.</source>
            <translation>Diese Routine gibt es unter deinen Routinen nicht mehr.</translation>
        </message>
        <message>
            <source>Saved the breathing pattern %1</source>
            <translation>Atemmuster „%1“ gespeichert</translation>
        </message>
    </context>
    <context>
        <name>SessionSummary</name>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 Min.</translation>
        </message>
        <message>
            <source>Session summary</source>
            <translation>Rückblick auf die Einheit</translation>
        </message>
        <message>
            <source>How do you feel?</source>
            <translation>Wie fühlst du dich?</translation>
        </message>
        <message>
            <source>on the mat</source>
            <translation>auf der Matte</translation>
        </message>
        <message>
            <source>Feeling %1 of 5: %2</source>
            <translation>Gefühl %1 von 5: %2</translation>
        </message>
        <message>
            <source>Press %1</source>
            <translation>Taste %1</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Done: back to the routines</source>
            <translation>Fertig: zurück zu den Routinen</translation>
        </message>
        <message>
            <source>Well done</source>
            <translation>Gut gemacht</translation>
        </message>
        <message>
            <source>Session stopped</source>
            <translation>Einheit beendet</translation>
        </message>
        <message>
            <source>of %1 planned</source>
            <translation>von %1 geplant</translation>
        </message>
        <message numerus="yes">
            <source>breaths guided</source>
            <translation>
                <numerusform>Atemzug begleitet</numerusform>
                <numerusform>Atemzüge begleitet</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2 on the mat, completed.</source>
            <translation>%1: %2 auf der Matte, abgeschlossen.</translation>
        </message>
        <message>
            <source>%1: %2 on the mat, stopped.</source>
            <translation>%1: %2 auf der Matte, vorzeitig beendet.</translation>
        </message>
        <message numerus="yes">
            <source>%n breaths guided.</source>
            <translation>
                <numerusform>%n Atemzug begleitet.</numerusform>
                <numerusform>%n Atemzüge begleitet.</numerusform>
            </translation>
        </message>
        <message>
            <source>Optional: it is kept with this session.</source>
            <translation>Freiwillig: Es wird bei dieser Einheit vermerkt.</translation>
        </message>
        <message>
            <source>Noted: %1.</source>
            <translation>Notiert: %1.</translation>
        </message>
    </context>
    <context>
        <name>SessionView</name>
        <message>
            <source>Stop the session?</source>
            <translation>Einheit beenden?</translation>
        </message>
        <message>
            <source>Stop the session now?</source>
            <translation>Die Einheit jetzt beenden?</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>Keep going</source>
            <translation>Weitermachen</translation>
        </message>
        <message>
            <source>The minutes so far are kept in your history.</source>
            <translation>Die bisherigen Minuten bleiben in deinem Verlauf.</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Klang</translation>
        </message>
        <message>
            <source>Sound: layers, volume, mute</source>
            <translation>Klang: Ebenen, Lautstärke, stumm</translation>
        </message>
        <message>
            <source>One minute less</source>
            <translation>Eine Minute weniger</translation>
        </message>
        <message>
            <source>Pause session</source>
            <translation>Einheit pausieren</translation>
        </message>
        <message>
            <source>One minute more</source>
            <translation>Eine Minute mehr</translation>
        </message>
        <message>
            <source>Stop session</source>
            <translation>Einheit beenden</translation>
        </message>
        <message>
            <source>Starting in %1</source>
            <translation>Beginnt in %1</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Geschafft</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <source>One minute left.</source>
            <translation>Noch eine Minute.</translation>
        </message>
        <message>
            <source>Paused while the computer was asleep. Press Space to carry on.</source>
            <translation>Pausiert, während der Computer geschlafen hat. Drück die Leertaste, um weiterzumachen.</translation>
        </message>
        <message>
            <source>Well done. Take a moment before you get up.</source>
            <translation>Gut gemacht. Nimm dir einen Moment, bevor du aufstehst.</translation>
        </message>
        <message>
            <source>Session stopped.</source>
            <translation>Einheit beendet.</translation>
        </message>
        <message>
            <source>No routine</source>
            <translation>Keine Routine</translation>
        </message>
        <message>
            <source>Resume session</source>
            <translation>Einheit fortsetzen</translation>
        </message>
    </context>
    <context>
        <name>SessionsFeature</name>
        <message>
            <source>Your session was paused while the computer was asleep.</source>
            <translation>Deine Einheit wurde pausiert, während der Computer geschlafen hat.</translation>
        </message>
        <message numerus="yes">
            <source>Session paused: %n min left</source>
            <translation>
                <numerusform>Einheit pausiert: noch %n Min.</numerusform>
                <numerusform>Einheit pausiert: noch %n Min.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Session: %n min left</source>
            <translation>
                <numerusform>Einheit: noch %n Min.</numerusform>
                <numerusform>Einheit: noch %n Min.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>What AcuMat found on this computer. Nothing here needs changing; it helps when something does not work as expected.</source>
            <translation>Was AcuMat auf diesem Computer gefunden hat. Hier musst du nichts ändern; es hilft, wenn etwas nicht wie erwartet funktioniert.</translation>
        </message>
        <message>
            <source>About this computer</source>
            <translation>Dieser Computer</translation>
        </message>
        <message>
            <source>Display system</source>
            <translation>Anzeigesystem</translation>
        </message>
        <message>
            <source>System colours</source>
            <translation>Systemfarben</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Not reported (Follow the system uses light)</source>
            <translation>Nicht gemeldet („Dem System folgen“ nimmt Hell)</translation>
        </message>
        <message>
            <source>Keeps the screen awake with</source>
            <translation>Hält den Bildschirm wach über</translation>
        </message>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>%1 (not found)</source>
            <translation>%1 (nicht gefunden)</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <source>Remind me to use the mat when I have been sitting a long time</source>
            <translation>Erinnere mich an die Matte, wenn ich lange gesessen habe</translation>
        </message>
        <message>
            <source>Remind me after sitting for</source>
            <translation>Erinnere mich nach einer Sitzzeit von</translation>
        </message>
        <message>
            <source>Being away this long counts as a break</source>
            <translation>Als Pause zählt eine Abwesenheit von</translation>
        </message>
        <message>
            <source>Remind me on</source>
            <translation>Erinnere mich an diesen Tagen</translation>
        </message>
        <message>
            <source>Keep quiet hours (no reminders)</source>
            <translation>Ruhezeiten einhalten (keine Erinnerungen)</translation>
        </message>
        <message>
            <source>Quiet from</source>
            <translation>Ruhe ab</translation>
        </message>
        <message>
            <source>Quiet until</source>
            <translation>Ruhe bis</translation>
        </message>
        <message>
            <source>Show a reminder as</source>
            <translation>Eine Erinnerung zeigen als</translation>
        </message>
        <message>
            <source>Snooze puts a reminder off for</source>
            <translation>„Später“ verschiebt eine Erinnerung um</translation>
        </message>
        <message>
            <source>Snoozes in a row</source>
            <translation>„Später“ höchstens so oft hintereinander</translation>
        </message>
        <message>
            <source>After the screen was locked</source>
            <translation>Nachdem der Bildschirm gesperrt war</translation>
        </message>
        <message>
            <source>Routine chosen when AcuMat opens</source>
            <translation>Routine, die beim Öffnen gewählt ist</translation>
        </message>
        <message>
            <source>Breathing for routines without their own</source>
            <translation>Atmung für Routinen ohne eigene</translation>
        </message>
        <message>
            <source>Time to lie down before it starts</source>
            <translation>Zeit zum Hinlegen vor dem Beginn</translation>
        </message>
        <message>
            <source>Eyes-closed mode: sound cues on, no seconds on the dial</source>
            <translation>Mit geschlossenen Augen: Klanghinweise an, keine Sekunden auf der Anzeige</translation>
        </message>
        <message>
            <source>Keep the screen awake during a session</source>
            <translation>Den Bildschirm während einer Einheit wach halten</translation>
        </message>
        <message>
            <source>Build up slowly: shorter sessions in the first weeks on the mat</source>
            <translation>Langsam steigern: kürzere Einheiten in den ersten Wochen auf der Matte</translation>
        </message>
        <message>
            <source>Minutes added each week</source>
            <translation>Minuten mehr pro Woche</translation>
        </message>
        <message>
            <source>Sound for routines without their own</source>
            <translation>Klang für Routinen ohne eigenen</translation>
        </message>
        <message>
            <source>Soft sounds when you breathe in, hold and breathe out</source>
            <translation>Sanfte Töne beim Einatmen, Halten und Ausatmen</translation>
        </message>
        <message>
            <source>Speak the breathing cues</source>
            <translation>Atemhinweise ansagen</translation>
        </message>
        <message>
            <source>A bell at the start and the end</source>
            <translation>Ein Glockenton zu Beginn und am Ende</translation>
        </message>
        <message>
            <source>A soft bell one minute before the end</source>
            <translation>Ein leiser Glockenton eine Minute vor dem Ende</translation>
        </message>
        <message>
            <source>Fade the sound out over the last</source>
            <translation>Den Klang ausklingen lassen über die letzten</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Lautstärke</translation>
        </message>
        <message>
            <source>Mute all sound</source>
            <translation>Alle Klänge stumm</translation>
        </message>
        <message>
            <source>Sound output</source>
            <translation>Tonausgabe</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Farben</translation>
        </message>
        <message>
            <source>Calm breathing shape (it glows instead of growing)</source>
            <translation>Ruhige Atemform (sie leuchtet, statt zu wachsen)</translation>
        </message>
        <message>
            <source>Language (takes effect after a restart)</source>
            <translation>Sprache (gilt nach einem Neustart)</translation>
        </message>
        <message>
            <source>Start AcuMat when I log in</source>
            <translation>AcuMat beim Anmelden starten</translation>
        </message>
        <message>
            <source>Start in the tray, without a window</source>
            <translation>In der Systemleiste starten, ohne Fenster</translation>
        </message>
        <message>
            <source>This value cannot be used here. Choose another, or press Restore Defaults.</source>
            <translation>Dieser Wert geht hier nicht. Wähle einen anderen oder drück „Voreinstellungen“.</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Erinnerungen</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Einheiten</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Klang</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>A small window near the tray</source>
            <translation>Ein kleines Fenster bei der Systemleiste</translation>
        </message>
        <message>
            <source>A desktop notification</source>
            <translation>Eine Desktop-Benachrichtigung</translation>
        </message>
        <message>
            <source>Start counting from zero</source>
            <translation>Von null an zählen</translation>
        </message>
        <message>
            <source>Keep counting</source>
            <translation>Weiterzählen</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Dem System folgen</translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n Stunde</numerusform>
                <numerusform>%n Stunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n Minute</numerusform>
                <numerusform>%n Minuten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n Sekunde</numerusform>
                <numerusform>%n Sekunden</numerusform>
            </translation>
        </message>
        <message>
            <source>When to remind you</source>
            <translation>Wann du erinnert wirst</translation>
        </message>
        <message>
            <source>Quiet hours</source>
            <translation>Ruhezeiten</translation>
        </message>
        <message>
            <source>How reminders come</source>
            <translation>Wie Erinnerungen kommen</translation>
        </message>
        <message>
            <source>Starting a session</source>
            <translation>Eine Einheit beginnen</translation>
        </message>
        <message>
            <source>Getting used to the mat</source>
            <translation>An die Matte gewöhnen</translation>
        </message>
        <message>
            <source>During a session</source>
            <translation>Während einer Einheit</translation>
        </message>
        <message>
            <source>Sounds in a session</source>
            <translation>Klänge in einer Einheit</translation>
        </message>
        <message>
            <source>Volume and output</source>
            <translation>Lautstärke und Ausgabe</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Aussehen</translation>
        </message>
        <message>
            <source>Starting AcuMat</source>
            <translation>AcuMat starten</translation>
        </message>
        <message>
            <source>Choose between %1 and %2.</source>
            <translation>Wähle zwischen %1 und %2.</translation>
        </message>
    </context>
    <context>
        <name>ShellFeature</name>
        <message>
            <source>AcuMat keeps running in the system tray. To quit, choose Quit in its menu.</source>
            <translation>AcuMat läuft in der Systemleiste weiter. Zum Beenden wähle dort im Menü „Beenden“.</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Etwas ist schiefgegangen</translation>
        </message>
        <message>
            <source>Something went wrong, but AcuMat keeps running.</source>
            <translation>Etwas ist schiefgegangen, aber AcuMat läuft weiter.</translation>
        </message>
        <message>
            <source>{0}

Details are in {1}.</source>
            <translation>{0}

Einzelheiten stehen in {1}.</translation>
        </message>
    </context>
    <context>
        <name>SoundDialogRows</name>
        <message>
            <source>Sound output</source>
            <translation>Tonausgabe</translation>
        </message>
        <message>
            <source>Speech engine for spoken cues</source>
            <translation>Sprachausgabe für angesagte Hinweise</translation>
        </message>
    </context>
    <context>
        <name>SoundFeature</name>
        <message>
            <source>&amp;Mute sound</source>
            <translation>Klang &amp;stumm</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Klang</translation>
        </message>
        <message>
            <source>Sound: layers, volume, mute</source>
            <translation>Klang: Ebenen, Lautstärke, stumm</translation>
        </message>
        <message>
            <source>A session is running: change its sound in the sound panel</source>
            <translation>Eine Einheit läuft: Ändere ihren Klang im Klangbereich</translation>
        </message>
        <message>
            <source>S&amp;top ambience</source>
            <translation>Klangkulisse an&amp;halten</translation>
        </message>
        <message>
            <source>Could not save the mix: {0}</source>
            <translation>Die Mischung konnte nicht gespeichert werden: {0}</translation>
        </message>
        <message>
            <source>Saved the mix “{0}”.</source>
            <translation>Mischung „{0}“ gespeichert.</translation>
        </message>
        <message>
            <source>Importing {0}…</source>
            <translation>{0} wird importiert…</translation>
        </message>
        <message>
            <source>Imported {0}.</source>
            <translation>{0} importiert.</translation>
        </message>
    </context>
    <context>
        <name>SoundImporter</name>
        <message>
            <source>Already importing a sound; try {0} again shortly</source>
            <translation>Es wird schon ein Klang importiert; versuch {0} gleich noch einmal</translation>
        </message>
        <message>
            <source>Cannot import {0}: file not found</source>
            <translation>{0} lässt sich nicht importieren: Datei nicht gefunden</translation>
        </message>
        <message>
            <source>Cannot import {0}: {1}</source>
            <translation>{0} lässt sich nicht importieren: {1}</translation>
        </message>
    </context>
    <context>
        <name>SoundPanel</name>
        <message>
            <source>Sound</source>
            <translation>Klang</translation>
        </message>
        <message>
            <source>&amp;Import sound…</source>
            <translation>Klang &amp;importieren…</translation>
        </message>
        <message>
            <source>Import sound</source>
            <translation>Klang importieren</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>Ebenen</translation>
        </message>
        <message>
            <source>Layers of this session</source>
            <translation>Klangebenen dieser Einheit</translation>
        </message>
        <message>
            <source>No ambience</source>
            <translation>Keine Klangkulisse</translation>
        </message>
        <message>
            <source>Sound to add</source>
            <translation>Klang zum Hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Add layer</source>
            <translation>Ebene &amp;hinzufügen</translation>
        </message>
        <message>
            <source>Add layer</source>
            <translation>Ebene hinzufügen</translation>
        </message>
        <message>
            <source>Start a session, or play a sound with ▶, to change the layers.</source>
            <translation>Beginne eine Einheit oder spiel einen Klang mit ▶ ab, um die Ebenen zu ändern.</translation>
        </message>
        <message>
            <source>Master volume</source>
            <translation>Gesamtlautstärke</translation>
        </message>
        <message>
            <source>&amp;Volume</source>
            <translation>&amp;Lautstärke</translation>
        </message>
        <message>
            <source>&amp;Mute</source>
            <translation>&amp;Stumm</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>Stumm</translation>
        </message>
        <message>
            <source>Saved &amp;mixes</source>
            <translation>Gespeicherte &amp;Mischungen</translation>
        </message>
        <message>
            <source>Saved mixes</source>
            <translation>Gespeicherte Mischungen</translation>
        </message>
        <message>
            <source>&amp;Use mix</source>
            <translation>&amp;Verwenden</translation>
        </message>
        <message>
            <source>Use the chosen saved mix</source>
            <translation>Die gewählte gespeicherte Mischung verwenden</translation>
        </message>
        <message>
            <source>&amp;Save mix…</source>
            <translation>S&amp;peichern…</translation>
        </message>
        <message>
            <source>Save mix</source>
            <translation>Mischung speichern</translation>
        </message>
        <message>
            <source>Stop the ambience</source>
            <translation>Klangkulisse anhalten</translation>
        </message>
        <message>
            <source>Play this now, without a session</source>
            <translation>Jetzt abspielen, ohne Einheit</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Anhören</translation>
        </message>
        <message>
            <source>Name of this mix:</source>
            <translation>Name dieser Mischung:</translation>
        </message>
        <message>
            <source>Import a sound</source>
            <translation>Einen Klang importieren</translation>
        </message>
        <message>
            <source>Audio files (*.wav *.ogg *.oga *.flac *.mp3 *.m4a *.opus);;All files (*)</source>
            <translation>Audiodateien (*.wav *.ogg *.oga *.flac *.mp3 *.m4a *.opus);;Alle Dateien (*)</translation>
        </message>
    </context>
    <context>
        <name>SpokenCues</name>
        <message>
            <source>Spoken cues need a speech engine, and none was found (on Linux, install speech-dispatcher). Cue tones play instead.</source>
            <translation>Gesprochene Hinweise brauchen eine Sprachausgabe, und es wurde keine gefunden (unter Linux: speech-dispatcher installieren). Stattdessen erklingen Töne.</translation>
        </message>
        <message>
            <source>checking…</source>
            <translation>wird geprüft …</translation>
        </message>
        <message>
            <source>Breathe in</source>
            <translation>Atme ein</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Halte</translation>
        </message>
        <message>
            <source>Breathe out</source>
            <translation>Atme aus</translation>
        </message>
        <message>
            <source>none — {0}</source>
            <translation>keine – {0}</translation>
        </message>
    </context>
    <context>
        <name>StartMenu</name>
        <message>
            <source>Start</source>
            <translation>Beginnen</translation>
        </message>
        <message>
            <source>More routines</source>
            <translation>Weitere Routinen</translation>
        </message>
        <message numerus="yes">
            <source>Week %1 of getting used to the mat: up to %n minutes</source>
            <translation>
                <numerusform>Woche %1 der Eingewöhnung: bis zu %n Minute</numerusform>
                <numerusform>Woche %1 der Eingewöhnung: bis zu %n Minuten</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2 min)</source>
            <translation>%1 (%2 Min.)</translation>
        </message>
        <message>
            <source>★ %1</source>
            <translation>★ %1</translation>
        </message>
    </context>
    <context>
        <name>WeekChart</name>
        <message>
            <source>Minutes on the mat this week</source>
            <translation>Minuten auf der Matte in dieser Woche</translation>
        </message>
        <message>
            <source>Sitting at the desk</source>
            <translation>Am Schreibtisch gesessen</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>&lt;1 min</source>
            <translation>&lt;1 Min.</translation>
        </message>
        <message>
            <source>. Sitting at the desk: %1</source>
            <translation>. Am Schreibtisch gesessen: %1</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 Min.</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <comment>day, month</comment>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source>%1 none</source>
            <translation>%1 keine</translation>
        </message>
        <message>
            <source>%1 h %2</source>
            <translation>%1 Std. %2</translation>
        </message>
        <message>
            <source>%1 %2 min</source>
            <translation>%1 %2 Min.</translation>
        </message>
    </context>
    <context>
        <name>WelcomeSheet</name>
        <message>
            <source>Welcome to AcuMat</source>
            <translation>Willkommen bei AcuMat</translation>
        </message>
        <message>
            <source>AcuMat keeps the time on your acupressure mat and guides your breathing, with quiet sounds if you like, so you can close your eyes and let go.</source>
            <translation>AcuMat behält die Zeit auf deiner Akupressurmatte im Blick und begleitet deinen Atem, wenn du magst mit leisen Klängen – so kannst du die Augen schließen und loslassen.</translation>
        </message>
        <message>
            <source>New to the mat? Begin with “First time on the mat”: 5 to 10 minutes, lying on a bed, through a thin shirt. The points prickle at first, then most people feel warmth.</source>
            <translation>Neu auf der Matte? Beginne mit „Zum ersten Mal auf der Matte“: 5 bis 10 Minuten, auf dem Bett liegend, mit einem dünnen Shirt. Die Spitzen piksen anfangs, dann spüren die meisten eine angenehme Wärme.</translation>
        </message>
        <message>
            <source>Next: before you lie down</source>
            <translation>Weiter: bevor du dich hinlegst</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Später</translation>
        </message>
        <message>
            <source>The safety note comes again before your first session</source>
            <translation>Der Sicherheitshinweis kommt vor deiner ersten Einheit noch einmal</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>I understand: show me the first routine</source>
            <translation>Verstanden: Zeig mir die erste Routine</translation>
        </message>
    </context>
    <context>
        <name>Words</name>
        <message>
            <source>lower</source>
            <comment>Case of a noun inside a sentence: 'lower' or 'keep' (German)</comment>
            <translation>keep</translation>
        </message>
    </context>
    <context>
        <name>_LayerRow</name>
        <message>
            <source>Volume of {0}</source>
            <translation>Lautstärke von {0}</translation>
        </message>
        <message>
            <source>Remove {0}</source>
            <translation>{0} entfernen</translation>
        </message>
        <message>
            <source>Remove {0} from the mix</source>
            <translation>{0} aus der Mischung entfernen</translation>
        </message>
    </context>
    <context>
        <name>RoutineChoices</name>
        <message>
            <source>%1 (%2 s)</source>
            <translation>%1 (%2 s)</translation>
        </message>
        <message>
            <source>No breathing guidance</source>
            <translation>Keine Atemführung</translation>
        </message>
        <message>
            <source>Silence</source>
            <translation>Stille</translation>
        </message>
    </context>
    <context>
        <name>Breathing</name>
        <message>
            <source>Breathe in</source>
            <translation>Atme ein</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Halte</translation>
        </message>
        <message>
            <source>Breathe out</source>
            <translation>Atme aus</translation>
        </message>
        <message>
            <source>Rest</source>
            <translation>Ruhe</translation>
        </message>
        <message>
            <source>Breathe naturally</source>
            <translation>Atme ganz natürlich</translation>
        </message>
        <message>
            <source>Resonance breathing</source>
            <translation>Resonanzatmung</translation>
        </message>
        <message>
            <source>Slow, even breaths at about 5.5 a minute: 5.5 s in, 5.5 s out. The pace studied for its calming effect on heart-rate variability.</source>
            <translation>Langsame, gleichmäßige Atemzüge, etwa 5,5 pro Minute: 5,5 s ein, 5,5 s aus. Dieses Tempo wurde auf seine beruhigende Wirkung auf die Herzratenvariabilität untersucht.</translation>
        </message>
        <message>
            <source>Longer exhale (4-6)</source>
            <translation>Länger ausatmen (4-6)</translation>
        </message>
        <message>
            <source>4 s in, 6 s out: six breaths a minute with an exhale longer than the inhale, which people rate as more relaxing.</source>
            <translation>4 s ein, 6 s aus: sechs Atemzüge pro Minute, das Ausatmen länger als das Einatmen – so empfinden es viele als entspannender.</translation>
        </message>
        <message>
            <source>Box breathing</source>
            <translation>Box-Atmung</translation>
        </message>
        <message>
            <source>4 s in, hold 4 s, 4 s out, hold 4 s. A steady square rhythm for focus and calm under stress.</source>
            <translation>4 s ein, 4 s halten, 4 s aus, 4 s halten. Ein gleichmäßiger Rhythmus im Viereck, für Sammlung und Ruhe unter Druck.</translation>
        </message>
        <message>
            <source>4-7-8 breathing</source>
            <translation>4-7-8-Atmung</translation>
        </message>
        <message>
            <source>In through the nose for 4, hold for 7, out through the mouth for 8. Often used when falling asleep.</source>
            <translation>Durch die Nase ein bis 4, halten bis 7, durch den Mund aus bis 8. Oft zum Einschlafen genutzt.</translation>
        </message>
        <message>
            <source>Cyclic sighing</source>
            <translation>Zyklisches Seufzen</translation>
        </message>
        <message>
            <source>A deep breath in through the nose, a short second sip of air to top up, then a long, slow breath out through the mouth.</source>
            <translation>Tief durch die Nase einatmen, mit einem kurzen zweiten Zug nachfüllen, dann lang und langsam durch den Mund ausatmen.</translation>
        </message>
        <message>
            <source>Top up</source>
            <translation>Nachatmen</translation>
        </message>
        <message>
            <source>No guidance</source>
            <translation>Ohne Führung</translation>
        </message>
        <message>
            <source>Breathe at your own pace; the dial shows only the time.</source>
            <translation>Atme in deinem eigenen Tempo; die Anzeige zeigt nur die Zeit.</translation>
        </message>
    </context>
    <context>
        <name>Safety</name>
        <message>
            <source>Before you lie down</source>
            <translation>Bevor du dich hinlegst</translation>
        </message>
        <message>
            <source>An acupressure mat is a simple tool for relaxing, not a treatment. AcuMat guides the time and your breathing; it does not diagnose or treat anything.

Please ask a doctor before using the mat if you:
• are pregnant;
• have a heart condition, or take medicine for your blood pressure;
• take blood thinners;
• have skin wounds, an infection, or thin or fragile skin;
• have diabetes with poor circulation or reduced feeling in your skin.

Start gently: mat makers suggest 5 to 10 minutes for the first sessions, lying on a bed rather than the floor, through a thin shirt. The points prickle for the first few minutes, then most people feel warmth. Some redness afterwards is normal and fades. If anything hurts sharply, feels numb or makes you dizzy, get off the mat and breathe normally.

With slow breathing patterns, stop and breathe at your own pace if you feel light-headed.</source>
            <translation>Eine Akupressurmatte ist ein einfaches Hilfsmittel zum Entspannen, keine Behandlung. AcuMat begleitet die Zeit und deinen Atem; es stellt keine Diagnosen und behandelt nichts.

Bitte frag eine Ärztin oder einen Arzt, bevor du die Matte benutzt, wenn du:
• schwanger bist;
• eine Herzerkrankung hast oder Medikamente für deinen Blutdruck nimmst;
• blutverdünnende Mittel nimmst;
• Wunden, eine Infektion oder dünne, empfindliche Haut hast;
• Diabetes mit schlechter Durchblutung oder verminderter Empfindung in der Haut hast.

Fang sanft an: Die Hersteller empfehlen für die ersten Einheiten 5 bis 10 Minuten, lieber auf dem Bett als auf dem Boden und mit einem dünnen Shirt. In den ersten Minuten piksen die Spitzen, danach spüren die meisten eine angenehme Wärme. Etwas Rötung danach ist normal und vergeht. Wenn etwas stechend schmerzt, taub wird oder dir schwindlig macht, steig von der Matte und atme ganz normal.

Wenn dir bei langsamen Atemmustern leicht schwummrig wird, hör auf und atme in deinem eigenen Tempo.</translation>
        </message>
    </context>
    <context>
        <name>Routines</name>
        <message>
            <source>Pain</source>
            <translation>Schmerzen</translation>
        </message>
        <message>
            <source>Stress</source>
            <translation>Stress</translation>
        </message>
        <message>
            <source>Sleep</source>
            <translation>Schlaf</translation>
        </message>
        <message>
            <source>Recovery</source>
            <translation>Erholung</translation>
        </message>
        <message>
            <source>Desk</source>
            <translation>Schreibtisch</translation>
        </message>
        <message>
            <source>Feet</source>
            <translation>Füße</translation>
        </message>
        <message>
            <source>Lying on your back</source>
            <translation>Auf dem Rücken liegend</translation>
        </message>
        <message>
            <source>Neck on the pillow</source>
            <translation>Nacken auf dem Kissen</translation>
        </message>
        <message>
            <source>Standing barefoot</source>
            <translation>Barfuß stehend</translation>
        </message>
        <message>
            <source>Legs on the mat</source>
            <translation>Beine auf der Matte</translation>
        </message>
        <message>
            <source>Sitting on a chair</source>
            <translation>Auf einem Stuhl sitzend</translation>
        </message>
    </context>
    <context>
        <name>Sounds</name>
        <message>
            <source>Rain</source>
            <translation>Regen</translation>
        </message>
        <message>
            <source>Ocean waves</source>
            <translation>Meereswellen</translation>
        </message>
        <message>
            <source>Brown noise</source>
            <translation>Braunes Rauschen</translation>
        </message>
        <message>
            <source>Pink noise</source>
            <translation>Rosa Rauschen</translation>
        </message>
        <message>
            <source>Wind</source>
            <translation>Wind</translation>
        </message>
        <message>
            <source>Singing bowls</source>
            <translation>Klangschalen</translation>
        </message>
        <message>
            <source>Forest stream</source>
            <translation>Waldbach</translation>
        </message>
    </context>
</TS>
