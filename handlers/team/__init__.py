"""Teams and managers: /team, /newteam, /join, reports, settings, groups, assignment, audit."""
