<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AcuMat icon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h2&gt;AcuMat&lt;/h2&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>secondary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A calm companion for your acupressure mat: timed routines, breathing guidance, ambient sound and gentle reminders to get up from the desk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AmbienceMenu</name>
        <message>
            <source>Play &amp;ambience</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sleep timer</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Sleep timer: %n min</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Saved mixes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AppActions</name>
        <message>
            <source>&amp;Open AcuMat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the AcuMat window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Close window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide the window; AcuMat stays in the tray</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About AcuMat</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AudioPlayer</name>
        <message>
            <source>No sound output found — AcuMat runs silently</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BreathDial</name>
        <message>
            <source>Session timer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 minutes left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About a minute left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time is up</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Feelings</name>
        <message>
            <source>Not great</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>So-so</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Okay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Great</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <source>Export sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>‹ Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the routines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a session…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A session you did on the mat without AcuMat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export all sessions as CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>day streak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>all time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Days in a row with a session; one rest day is forgiven.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Do this again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Minutes on the mat: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Streak: %n days</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sessions</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Added %1 on %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That change was not saved: another session of this routine starts at the same time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the %1 session of %2? This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Saved %n sessions to %1</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>The history could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sessions yet. Your first one will appear here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sessions in this week.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sessions in this month.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No desk time yet in this period. With reminders on, AcuMat counts how long you sit at the computer and shows it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At the desk: %1 sitting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  ·  Reminders: %1 shown, %2 followed, %3 snoozed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  ·  No reminders</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IdleSourceRows</name>
        <message>
            <source>none found — reminders fall back to plain elapsed time since your last break</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard and mouse watched through</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last keyboard or mouse use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n seconds ago</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>KeepAwake</name>
        <message>
            <source>the desktop portal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the GNOME session manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the desktop's screen saver service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>logind (blocks suspend)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the X screen saver</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Windows power requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a macOS power assertion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing found on this computer: the screen may lock during a session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> and </source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;AcuMat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close this message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routines and the session timer will live here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routines and timer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command-line control is unavailable (see the log).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No system tray was found, so AcuMat stays in this window; closing it quits. On GNOME, the AppIndicator extension adds a tray.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AcuMat settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AcuMat history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system tray went away, so AcuMat stays in this window; closing it quits.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OutputDeviceCombo</name>
        <message>
            <source>Sound output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} (not connected)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PatternEditor</name>
        <message>
            <source>New breathing pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For example: Slow evening</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optional: what it is for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathe &amp;in:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Hold:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathe &amp;out:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rest:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slow, gentle breathing: each breath between 3 and 60 seconds. A longer breath out than in helps most people relax.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One breath: %1 s, about %2 breaths a minute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the pattern a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathing in can last from %1 to %2 seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A hold can last from %1 to %2 seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathing out can last from %1 to %2 seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A rest can last from %1 to %2 seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep one breath between 3 and 60 seconds (3 to 20 breaths a minute).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The pattern could not be saved: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PeriodBar</name>
        <message>
            <source>Earlier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 – %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>that week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReminderPopup</name>
        <message>
            <source>Time for the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the reminder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A few minutes on the mat loosen the back after sitting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start a desk break</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snooze %1 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the desk-break routine on the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snooze</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remind me again later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I just moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I just moved: start counting again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You've been sitting for %1.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n seconds</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hours</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minutes</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Start a %n-minute desk break</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Snooze %n minutes</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>ReminderPrompter</name>
        <message>
            <source>Time for the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I just moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You've been sitting for %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RemindersTray</name>
        <message numerus="yes">
            <source>Sitting for %n minutes; the reminder is snoozed</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Sitting for under a minute</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Sitting for %n minutes</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Pause reminders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For 30 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For 1 hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For 2 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Until tomorrow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume reminders</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoutineActions</name>
        <message>
            <source>Import a routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routine not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (my version)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not duplicate the routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Made a copy: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Built-in routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is built in and cannot be deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete “%1”? This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not delete the routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not import %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not export the routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save the routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoutineCards</name>
        <message>
            <source>Yours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1–%2 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1–%2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Favourite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoutineDetails</name>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session length in minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathing pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soundscape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Minutes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Breathing:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Ease in: start at an everyday pace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The breathing starts at about 12 breaths a minute and slows to the pattern's own pace over the first two minutes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ease into the breathing pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ound:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop the ambience</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listen to this sound now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More actions for this routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add to favourites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No routines for this goal yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose another goal, or create your own routine.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customise…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customise %1 (built in: make your own copy)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from favourites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan can be turned off or its weekly step changed in Settings.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Week %1 of getting used to the mat: up to %n minutes</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>%1–%2 minutes; shorter while you get used to the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1–%2 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routine default: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before you start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoutineEditor</name>
        <message>
            <source>Your version of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is your own copy of “%1”. Change what you like: it is kept as a new routine when you press Save, and the built-in one stays as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purpose, in one line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What it is for, in a few words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Position</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathing pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soundscape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tips before the start, one a line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One tip a line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cues during the session, one a line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3 min: Move the pillow under your neck</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Purpose:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goals:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;osition:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Minutes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Breathing:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sound:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tips:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cues:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goal: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shortest, in minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Longest, in minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shortest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>longest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New pattern…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the routine a name of up to 60 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say in one short line what the routine is for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the description under 2000 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Up to 12 tips, each under 300 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The shortest time must not be longer than the longest.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The default must be between %1 and %2 minutes.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoutinePicker</name>
        <message>
            <source>Choose a routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goal:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show all routines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show routines for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routines</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SafetyNoteDialog</name>
        <message>
            <source>I understand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not now: do not start the session</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SafetySheet</name>
        <message>
            <source>Not now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your session is paused until you have read this. It takes a minute.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I understand, continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not now: stop the session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please read this once before your first session.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I understand, begin</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionActions</name>
        <message>
            <source>Pause session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop session…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One minute less</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>−1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One minute more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>+1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionEndNotice</name>
        <message numerus="yes">
            <source>%1: %n minutes done</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>SessionEntryDialog</name>
        <message>
            <source>Add a session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A session you did on the mat without AcuMat counts just the same.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Correct this session if something is not right.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not noted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Routine:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Started:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Minutes on the mat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Feeling afterwards:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionLists</name>
        <message>
            <source>Session lists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feeling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Totals per routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By &amp;routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Do this &amp;again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entered by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionPages</name>
        <message>
            <source>Session &amp;history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Safety note…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That routine is no longer among your routines.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved the breathing pattern %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionSummary</name>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How do you feel?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feeling %1 of 5: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Press %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done: back to the routines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Well done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>of %1 planned</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>breaths guided</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>%1: %2 on the mat, completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 on the mat, stopped.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n breaths guided.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Optional: it is kept with this session.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Noted: %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionView</name>
        <message>
            <source>Stop the session?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop the session now?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep going</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The minutes so far are kept in your history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound: layers, volume, mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One minute less</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One minute more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One minute left.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused while the computer was asleep. Press Space to carry on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Well done. Take a moment before you get up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No routine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume session</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionsFeature</name>
        <message>
            <source>Your session was paused while the computer was asleep.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Session paused: %n min left</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Session: %n min left</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What AcuMat found on this computer. Nothing here needs changing; it helps when something does not work as expected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Display system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System colours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not reported (Follow the system uses light)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keeps the screen awake with</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (not found)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remind me to use the mat when I have been sitting a long time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remind me after sitting for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Being away this long counts as a break</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remind me on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep quiet hours (no reminders)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quiet from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quiet until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show a reminder as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snooze puts a reminder off for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snoozes in a row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After the screen was locked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Routine chosen when AcuMat opens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathing for routines without their own</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time to lie down before it starts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Eyes-closed mode: sound cues on, no seconds on the dial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the screen awake during a session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Build up slowly: shorter sessions in the first weeks on the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Minutes added each week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound for routines without their own</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soft sounds when you breathe in, hold and breathe out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speak the breathing cues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A bell at the start and the end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A soft bell one minute before the end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fade the sound out over the last</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mute all sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calm breathing shape (it glows instead of growing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language (takes effect after a restart)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start AcuMat when I log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start in the tray, without a window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This value cannot be used here. Choose another, or press Restore Defaults.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reminders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A small window near the tray</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A desktop notification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start counting from zero</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep counting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n second(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>When to remind you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quiet hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How reminders come</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting a session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Getting used to the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>During a session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sounds in a session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volume and output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appearance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting AcuMat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose between %1 and %2.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShellFeature</name>
        <message>
            <source>AcuMat keeps running in the system tray. To quit, choose Quit in its menu.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong, but AcuMat keeps running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0}

Details are in {1}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SoundDialogRows</name>
        <message>
            <source>Sound output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speech engine for spoken cues</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SoundFeature</name>
        <message>
            <source>&amp;Mute sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound: layers, volume, mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A session is running: change its sound in the sound panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;top ambience</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save the mix: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved the mix “{0}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported {0}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SoundImporter</name>
        <message>
            <source>Already importing a sound; try {0} again shortly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot import {0}: file not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot import {0}: {1}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SoundPanel</name>
        <message>
            <source>Sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import sound…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers of this session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No ambience</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound to add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start a session, or play a sound with ▶, to change the layers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Master volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Volume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved &amp;mixes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved mixes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Use mix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the chosen saved mix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save mix…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save mix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop the ambience</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play this now, without a session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name of this mix:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio files (*.wav *.ogg *.oga *.flac *.mp3 *.m4a *.opus);;All files (*)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SpokenCues</name>
        <message>
            <source>Breathe in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathe out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none — {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StartMenu</name>
        <message>
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More routines</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Week %1 of getting used to the mat: up to %n minutes</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>%1 (%2 min)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>★ %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WeekChart</name>
        <message>
            <source>Minutes on the mat this week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sitting at the desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>. Sitting at the desk: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2</source>
            <comment>day, month</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 min</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomeSheet</name>
        <message>
            <source>Welcome to AcuMat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AcuMat keeps the time on your acupressure mat and guides your breathing, with quiet sounds if you like, so you can close your eyes and let go.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New to the mat? Begin with “First time on the mat”: 5 to 10 minutes, lying on a bed, through a thin shirt. The points prickle at first, then most people feel warmth.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next: before you lie down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The safety note comes again before your first session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I understand: show me the first routine</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>_LayerRow</name>
        <message>
            <source>Volume of {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove {0} from the mix</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoutineChoices</name>
        <message>
            <source>%1 (%2 s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No breathing guidance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Silence</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Breathing</name>
        <message>
            <source>Breathe in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathe out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathe naturally</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resonance breathing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slow, even breaths at about 5.5 a minute: 5.5 s in, 5.5 s out. The pace studied for its calming effect on heart-rate variability.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Longer exhale (4-6)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>4 s in, 6 s out: six breaths a minute with an exhale longer than the inhale, which people rate as more relaxing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Box breathing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>4 s in, hold 4 s, 4 s out, hold 4 s. A steady square rhythm for focus and calm under stress.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>4-7-8 breathing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In through the nose for 4, hold for 7, out through the mouth for 8. Often used when falling asleep.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cyclic sighing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A deep breath in through the nose, a short second sip of air to top up, then a long, slow breath out through the mouth.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No guidance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathe at your own pace; the dial shows only the time.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Safety</name>
        <message>
            <source>Before you lie down</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Routines</name>
        <message>
            <source>Pain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sleep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lying on your back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Neck on the pillow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Standing barefoot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legs on the mat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sitting on a chair</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
