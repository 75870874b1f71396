"""What a referat holds beyond its text: agenda items and action items, and the files made
from them (``.actions.csv``, ``.ics``) and the overview of open items (``hoering actions``)."""
