# majlis — English messages

## Navigation
nav-skip = Skip to content
nav-main = Main menu
nav-menu = Menu
nav-dashboard = Home
nav-bodies = Bodies
nav-people = People
nav-account = My account
nav-admin = Administration
nav-settings = Organization settings
nav-language = Language
nav-breadcrumbs = Breadcrumbs
nav-back = Back
nav-back-home = Back to home
nav-pages = Pages
nav-previous = Previous
nav-next = Next
nav-actions = Actions
nav-page-of = Page { $page } of { $pages }

## Actions
action-login = Log in
action-logout = Log out
action-save = Save
action-cancel = Cancel
action-create = Create
action-edit = Edit
action-archive = Archive
action-search = Search
action-history = History
action-new-body = New body
action-new-sub-body = New sub-body
action-new-person = New person
action-add-member = Add member
action-end-membership = End membership
action-create-token = Create token
action-revoke = Revoke
action-disable = Disable
action-enable = Enable

## Login
login-title = Log in
login-failed = Incorrect username or password.

## Home
dashboard-title = Home
dashboard-greeting = Welcome, { $name }
dashboard-my-bodies = My bodies and roles
dashboard-no-roles = You are not a current member of any body.
dashboard-organization = The organization
home-meetings = My upcoming meetings
home-meetings-empty = No meetings planned in your bodies.
home-papers = My working papers
home-papers-empty = No working papers waiting for you.
home-decisions = Decisions and measures to carry out
home-decisions-empty = No open decisions assigned to your bodies.
home-minutes = Minutes waiting for approval
home-due = due { $date }
home-overdue = Overdue
home-reviews = Working papers to approve
home-to-review = To review
home-activity = Recent activity in my bodies
home-activity-empty = Nothing new in your bodies yet.
activity-today = Today, { $time }
activity-yesterday = Yesterday, { $time }
activity-by = { $action } by { $name }
activity-meeting-planned = Meeting planned
activity-meeting-held = Meeting held
activity-meeting-postponed = Meeting postponed
activity-meeting-cancelled = Meeting cancelled
activity-minutes-approved = Minutes approved
activity-decision-taken = Decision taken
activity-decision-followed-up = Decision follow-up updated
activity-member-joined = New member
activity-member-left = Membership ended
activity-paper-circulated = Working paper circulated
reply-question = Will you attend this meeting?
reply-attend = I will attend
reply-apologies = I send my apologies
reply-status-attend = Will attend
reply-status-apologies = Sent apologies
error-reply_too_late = The meeting has started: it is too late to reply to the invitation.
confirm-end-membership = End this membership? The person will stay listed among past members.
confirm-archive = Archive this record? It will no longer appear in lists.
confirm-cancel-meeting = Cancel this meeting? Everyone invited will be notified of the cancellation.
confirm-approve-minutes = Approve the minutes? The meeting’s record will then be locked.
confirm-disable-account = Disable this account? Its sessions and keys will be revoked.
confirm-revoke = Revoke this key permanently?

## Counts
count-members = { $category ->
    [one] { $count } member
   *[other] { $count } members
}
count-people = { $category ->
    [one] { $count } person
   *[other] { $count } people
}
count-bodies = { $category ->
    [one] { $count } body
   *[other] { $count } bodies
}

## Bodies
bodies-title = Bodies
body-new-title = New body
body-edit-title = Edit body
body-members = Members
body-members-count = Current members
body-no-members = No current members.
body-past-members = Past members
body-sub-bodies = Sub-bodies
body-no-sub-bodies = No sub-bodies.
body-no-parent = — No parent body —
body-archived = This body is archived.
kind-executive = Executive
kind-council = Council
kind-congress = Congress
kind-secretariat = Secretariat
kind-regional = Regional body
kind-provincial = Provincial body
kind-local = Local branch
kind-parallel_org = Parallel organization
kind-sector = Sector
kind-commission = Commission

## Roles
role-group-chair = Chair
role-group-deputy_chair = Deputy chairs
role-group-secretary = Secretaries
role-group-treasurer = Treasurers
role-group-member = Members
label-member-of = { $gender ->
    [female] member
   *[male] member
}
period-since = since { $from }
period-range = from { $from } to { $to }
member-new-title = Add a member to the body
member-find-person = Find the person by name or member number

## People
people-title = People
person-new-title = Register a person
person-edit-title = Edit person
person-memberships = Bodies and roles
person-no-memberships = No memberships on record.
person-archived = This person is archived.
gender-female = Woman
gender-male = Man

## Account
account-title = My account
account-language = Interface language
account-locale-auto = Automatic (browser)
account-tokens = API tokens
account-no-tokens = No tokens yet. Create one below to use the API.
account-token-shown-once = Copy this token now: it will not be shown again.
account-token-created = Created
account-token-state = Status
account-token-live = Active
account-token-revoked = Revoked
account-state = Status
account-active = Active
account-disabled = Disabled
account-admin = Administrator
admin-accounts-title = Accounts
admin-new-account = New account
settings-title = Organization settings
lang-ar = Arabic
lang-fr = French
lang-en = English
digits-western = Western digits (0-9)
digits-arabic_indic = Arabic-Indic digits (٠-٩)

## History
audit-title = Change history
audit-field = Field
audit-before = Before
audit-after = After
audit-system = System
audit-action-create = Created
audit-action-update = Updated
audit-action-archive = Archived
audit-action-end = Ended
audit-action-reset_password = Password reset
audit-action-disable = Disabled
audit-action-enable = Enabled
audit-action-revoke = Revoked
audit-action-restore = Backup restored

## Fields
field-login = Username or e-mail
field-password = Password
field-search = Search
field-name = Name
field-name_ar = Name in Arabic
field-name_fr = Name in French
field-name_en = Name in English
field-kind = Type
field-parent_id = Parent body
field-city = City or province
field-full_name_ar = Full name in Arabic
field-full_name_latin = Name in Latin letters
field-gender = Gender
field-member_number = Member number
field-email = E-mail
field-phone = Phone
field-joined_on = Joined on
field-person_id = Person
field-body_id = Body
field-role = Role
field-starts_on = From
field-ends_on = To
field-username = Username
field-locale = Language
field-token-name = Token name
field-token = Token
field-key = Key
field-id = Identifier
field-linked-member_number = Member number of the account holder (optional)
field-short_name = Short name
field-default_locale = Default language
field-date_locale = Regional date conventions
field-digits = Digits
field-time_zone = Time zone
field-show_hijri = Show the Hijri date alongside
form-has-errors = Please correct the errors shown.
empty-sessions = No session of this council yet.
empty-meetings = No meeting for this body yet: plan the first one with “New meeting”.
empty-search = No one matches this search. Try part of the name or the membership number.
empty-bodies = No body matches this search.
empty-decisions-to-follow = No open decision or measure in this body’s charge.
empty-participations = No participation recorded yet.
empty-audit = No change recorded for this record.
empty-program = The programme is empty: add the first slot (opening, workshops, closing).
empty-papers = No working paper assigned yet.
empty-parallel = No thematic meeting linked to this session.
empty-versions = No version yet: upload a file or write the text below.
empty-agenda = The agenda is empty.
empty-guests = No guests invited.
empty-decisions = No decision recorded for this meeting.
empty-reports = No report recorded.

## Errors
error-invalid_input = Invalid input.
error-forbidden = You are not allowed to do this.
error-unauthenticated = Please log in.
error-not_found = The page or record you asked for does not exist.
error-conflict = This value is already taken: { $field }.
error-stale_record = This record changed since you opened it. Reload the page.
error-bad_request = Bad request.
error-csrf_failed = The form expired. Reload the page and try again.
error-payload_too_large = What you sent is larger than allowed.
error-locked = Too many failed attempts. Try again in { $wait }.
error-busy = The server is handling many logins at once. Try again in a moment.
wait-minutes = { $category ->
    [one] { $count } minute
   *[other] { $count } minutes
}
wait-seconds = { $category ->
    [one] { $count } second
   *[other] { $count } seconds
}
error-unavailable = The database is briefly unavailable. Try again in a moment.
error-internal = An internal error occurred. It has been logged.
error-required = This field is required.
error-single_line = This field is one line: remove the line breaks.
error-contact_shared = This person belongs to other bodies you do not manage: only the national executive or the person can change this field.
error-too_long = The text is too long.
error-invalid_email = Invalid e-mail address.
error-invalid_choice = Invalid choice.
error-invalid_color = Invalid colour: pick a colour as #rrggbb.
error-color_too_light = This colour is too light: white text on it cannot be read. Pick a darker colour.
error-image_type = The logo must be a PNG, JPEG or WebP image.
error-parent_cycle = A body cannot be placed under itself or under one of its sub-bodies.
error-invalid_member_number = Member numbers accept Latin letters, digits, - and / only.
error-invalid_phone = Invalid phone number.
error-invalid_date = Invalid date (YYYY-MM-DD).
error-end_before_start = The end date is before the start date.
error-already_ended = This membership has already ended.
error-password_too_short = Password too short (at least 10 characters).
error-invalid_username = Username: Latin letters, digits, . _ - only.
error-has_active_children = A body with active sub-bodies cannot be archived.
error-archived = This record is archived.
error-invalid_role_key = Invalid role key.
error-cannot_disable_self = You cannot disable your own account.
error-taken = This value is already taken.
error-title-400 = Bad request
error-title-401 = Login required
error-title-403 = Forbidden
error-title-404 = Not found
error-title-409 = Conflict
error-title-413 = Content too large
error-title-422 = Invalid input
error-title-429 = Too many attempts
error-title-500 = Internal error
error-title-503 = Service briefly unavailable
error-title-other = Error
settings-roles = Roles
field-name_ar_female = Feminine name in Arabic
field-new-password = New password
action-add-role = Add role
action-reset-password = Reset password
error-invalid_datetime = Invalid date and time.
error-invalid_duration = Invalid duration (1 to 600 minutes).
error-record_locked = The minutes of this meeting are approved: its record (agenda, attendance, guests, decisions, reports heard) can no longer change.
error-meeting_not_started = A meeting cannot be recorded as held before it starts.
error-meeting_closed = This meeting was held or cancelled: its status can no longer change.
error-postpone_not_later = The new date must come after the current one.
error-meeting_cancelled = This meeting is cancelled.
error-not_invited = This person is not invited to the meeting.
error-minutes_locked = The minutes are approved and locked.
error-days_out_of_order = The session’s days are out of order.
error-outside_session = The slot falls outside the session’s days.
error-paper_approved = The working paper is approved.
error-invalid_transition = This step is not possible at this stage.

## Meetings
body-meetings = Meetings
body-decisions-to-follow = Decisions and measures to follow
action-new-meeting = New meeting
meeting-new-title = Plan a meeting
meeting-title = Meeting
meeting-when = When
meeting-when-value = { $date }, { $times }
meeting-times-zone = Times in the organization’s time zone:
meeting-quorum = Quorum
meeting-agenda = Agenda
meeting-attendance = Attendance
meeting-decisions = Decisions and measures
meeting-status-actions = Meeting status
meeting-quorum-reached = Quorum reached: { $present } present out of { $members } ({ $needed } needed).
meeting-quorum-missing = { $nobody ->
    [yes] No quorum: no members present out of { $members } ({ $needed } needed).
   *[no] No quorum: { $present } present out of { $members } ({ $needed } needed).
}
meeting-kind-periodic = Periodic meeting
meeting-kind-special = Special meeting
meeting-kind-extraordinary = Extraordinary meeting
meeting-kind-thematic = Thematic meeting
meeting-status-planned = Planned
meeting-status-held = Held
meeting-status-cancelled = Cancelled
meeting-status-not_recorded = Not recorded as held
paper-not-submitted-by-due = Not submitted by the due date
meeting-status-postponed = Postponed
quorum-majority = Absolute majority of members
quorum-two_thirds = Two thirds of members
quorum-fixed = Fixed number
action-mark-held = Mark as held
action-cancel-meeting = Cancel meeting
action-postpone = Postpone
action-move-up = Move up
action-move-down = Move down
action-add-agenda-item = Add an agenda item
action-save-attendance = Save attendance
action-add-decision = Add a decision or measure
attendance-present = Present
attendance-excused = Excused
attendance-absent = Absent
attendance-unknown = Not recorded
decision-kind-decision = Decision
decision-kind-measure = Measure
decision-status-open = Open
decision-status-done = Done
decision-status-dropped = Dropped
decision-due = due { $date }
decision-no-body = — No body in charge —
count-minutes = { $category ->
    [one] { $count } minute
   *[other] { $count } minutes
}
field-title = Title
field-venue = Venue
field-theme = Theme
field-starts_at = Start
field-ends_at = End
field-quorum = Quorum rule
field-planned_minutes = Planned duration (minutes)
field-description = Description
field-status = Status
field-text = Text
field-responsible_body_id = Body in charge
field-responsible_person_id = Person in charge
field-due_on = Due date
field-presenter_id = Presenter
audit-action-held = Held
audit-action-cancelled = Cancelled
audit-action-postponed = Postponed
audit-action-planned = Planned
audit-action-attendance = Attendance
audit-action-reorder = Agenda reordered
audit-action-seed = Synthetic data

## Sessions
body-sessions = Sessions
action-new-session = New session
field-session-number = Session number (optional)
field-number = Session number
field-first_day = First day
field-last_day = Last day
session-program = Session program
session-time = Time
field-room = Room
session-workshops = Workshops
workshop-themes = Themes
workshop-questions = Guiding questions
workshop-facilitators = Facilitation
workshop-rapporteurs = Rapporteurs
workshop-participants = Participants
session-papers = Working papers
paper-assignees = Assignees
session-parallel = Parallel program: thematic meetings
session-plan = Prepare the session
session-conflicts = Program warnings:
session-workshop = Workshop
action-add-workshop = Add a workshop
action-add-slot = Add a program slot
action-assign-paper = Assign a working paper
workshop-themes-one-a-line = Themes (one per line)
workshop-questions-one-a-line = Guiding questions (one per line)
field-capacity = Capacity
field-themes = Themes
field-questions = Questions
field-slot_title = Slot title
field-paper_title = Paper title
field-paper_workshop_id = Workshop
field-assignees = Assignees
paper-assignee-numbers = Assignees’ member numbers (comma-separated)
slot-kind-opening = Opening plenary
slot-kind-workshop = Workshop
slot-kind-break = Break
slot-kind-plenary = Plenary
slot-kind-closing = Closing plenary
paper-state-assigned = Assigned
paper-state-draft = Draft
paper-state-submitted = Submitted
paper-state-approved = Approved
paper-state-returned = Returned
paper-state-circulated = Circulated
paper-action-save_version = Save a version
paper-action-submit = Submit
paper-action-approve = Approve
paper-action-return = Return
paper-action-circulate = Circulate
count-days-late = { $category ->
    [one] { $count } day late
   *[other] { $count } days late
}
conflict-person = { $name } is in two overlapping slots.
conflict-room = Room { $room } is booked twice at once.
conflict-facilitator = { $name } facilitates a workshop without being a council member.
error-not_a_council = Only councils hold sessions.
error-number_not_after_last = The number must come after the last session’s number.
error-workshop_full = The workshop is full.
error-unknown_member_number = Unknown member number.
audit-action-assign = Assigned
audit-action-link = Linked to the session
audit-action-draft = Draft
audit-action-submitted = Submitted
audit-action-approved = Approved
audit-action-returned = Returned
audit-action-circulated = Circulated

time-range = { $from } – { $to }
action-add-to-calendar = Add to calendar (.ics)

## E-mails
mail-invitation-subject = Invitation: { $title }
mail-invitation-text =
    { $name },
    
    { $body } invites you to: { $title }
    When: { $when }
    Where: { $venue }
    
    Agenda:
    { $agenda }
    The attached file adds the meeting to your calendar. Details:
    { $link }
mail-invitation-changed-subject = New date or venue: { $title }
mail-invitation-changed-text =
    { $name },
    
    The date or venue of the meeting “{ $title }” ({ $body }) has changed.
    New date: { $when }
    Where: { $venue }
    
    Agenda:
    { $agenda }
    Details: { $link }
mail-invitation-cancelled-subject = Cancelled: { $title }
mail-invitation-cancelled-text =
    { $name },
    
    The meeting “{ $title }” ({ $body }), planned for { $when }, has been cancelled.
    
    Details: { $link }
mail-reminder-before-subject = Reminder: working paper “{ $title }”
mail-reminder-before-text =
    { $name },
    
    The working paper “{ $title }” assigned to you for { $session } is due on { $due }.
    
    To upload or write a version: { $link }
mail-reminder-overdue-subject = Overdue: working paper “{ $title }”
mail-reminder-overdue-text =
    { $name },
    
    The working paper “{ $title }” ({ $session }) was due on { $due } and has not been submitted yet.
    
    To upload it: { $link }

nav-calendar = Calendar
minutes-title = Minutes
minutes-status-approved = Approved
minutes-status-draft = Draft
minutes-approved-by = Approved by { $name } on { $date }
minutes-saved-at = Last saved: { $date } at { $time } (version { $version })
minutes-conflict-help = Someone else saved the minutes after you opened them. Your text is kept in the form below and the saved version is shown above; saving again replaces it.
minutes-conflict-saved = The saved version
minutes-overall = General minutes
minutes-item-empty = Nothing was recorded on this item.
minutes-document-title = Minutes: { $meeting } — { $body }
minutes-link = Minutes
action-print = Printable version
action-download-pdf = Download PDF
action-save-minutes = Save minutes
action-approve-minutes = Approve and lock the minutes
error-minutes_not_approved = The minutes are not approved yet.
error-meeting_not_held = Minutes can only be approved once the meeting has been held.
error-minutes_empty = The minutes are empty.
error-file_type = File type not accepted: PDF, DOCX, ODT or Markdown only (checked by content, not by name).
error-file_too_large = The file is larger than allowed.
error-not_a_later_meeting = Choose a later meeting of the same body.
error-meeting_not_planned = This meeting is no longer planned.
field-time = Time
meeting-guests = Guests
meeting-reports = Reports heard
workshop-outcome = Recommendations

minutes-none = Not written yet
minutes-not-yet = Not available yet
mail-status = E-mails: { $sent } sent, { $waiting } waiting, { $failed } failed
mail-retrying = The mail server is not responding; retrying automatically ({ $error }). Nothing is lost.
mail-not-configured = No mail server is configured: messages are queued.
report-no-participation = — not linked to a participation —
meeting-edit-title = Edit meeting
meeting-edit-resend = If the invitation was sent and the date or venue changes, it is sent again automatically.
meeting-invitations = Invitation
action-send-invitations = Send invitation
action-resend-invitations = Resend invitation
meeting-invitations-help = The invitation goes to members and guests who have an e-mail address, with the agenda and a calendar file.
agenda-carried = Carried over from an earlier meeting
agenda-item-tools = Attachments and carry-over
field-attachment = Attachment
action-attach = Attach
field-carry_over_to = Carry over to
action-carry-over = Carry item over
action-add-guest = Add a guest
field-quality = Role or title
field-guest_name = Name
field-report_title = Title
action-add-report = Record a report
field-participation_id = Participation
field-file = File

field-comment = Comments for the assignees
paper-versions = Versions
paper-version = Version
paper-new-version = New version
paper-upload = Upload a file (PDF, DOCX, ODT or Markdown)
paper-upload-limit = Maximum size: { $size }
paper-write = Or write the text here (Markdown)
paper-save-version = Save version
paper-history = History

calendar-months = Months
calendar-previous = Previous month
calendar-next = Next month
calendar-today = This month
calendar-show = Show
calendar-my-bodies = All my bodies
action-show = Show
calendar-feeds = Calendar subscription
calendar-feeds-help = A secret address that adds your meetings to your phone’s or computer’s calendar and keeps them up to date. Do not share it; you can revoke it at any time.
calendar-feed-created = Here is the subscription address, shown only once:
calendar-feed-revoked = Revoked
calendar-feed-new = New subscription address

error-invalid_range = Invalid date range (400 days at most).

action-record-outcome = Record the recommendations

participations-title = Participations
participation-scope-national = National
participation-scope-international = International
participation-when = When and where
participation-people = Representatives
participation-people-numbers = Other members, by membership number (comma-separated)
confirm-delete-participation = Delete this participation and its report?
action-add-participation = Record a participation
field-event = Event
field-organizer = Organizer
field-scope = Scope
field-country = Country
field-people = Representatives
field-report = Report
field-report-file = Report document
field-event_title = Event

action-join-workshop = Sign up for this workshop
action-leave-workshop = Leave the workshop
workshop-joined = You are signed up for this workshop.

guest-speaker = Speaker
guest-speaker-as = Speaker
gender-unknown = Not given
session-speakers = Speakers

action-remove-agenda-item = Remove item

action-delete = Delete
error-participation_heard = This participation’s report was heard at a meeting, so it stays on record.

## Changing a session, its slots and workshops
nav-back-to-session = Back to the session
action-remove = Remove
session-delete = Delete the session
session-delete-help = The session’s program and workshops are deleted; its parallel meetings stay, outside the session. A session where a working paper was assigned cannot be deleted.
confirm-delete-session = Delete this session with its program and workshops? This cannot be undone.
confirm-delete-slot = Delete this slot from the program?
action-delete-slot = Delete the slot
workshop-edit = Edit the workshop and its people
workshop-people = Facilitators, rapporteurs and participants
workshop-people-empty = Nobody is assigned to this workshop yet. Choose a facilitator and a rapporteur among the council’s members below.
workshop-add-person = Assign a member to the workshop
workshop-details = The workshop
confirm-delete-workshop = Delete this workshop? Its members leave it and its slots stay in the program without a workshop.
action-delete-workshop = Delete the workshop
workshop-role-facilitator = Facilitator
workshop-role-rapporteur = Rapporteur
workshop-role-participant = Participant
picker-search = Search by name or member number
picker-none = Nobody matches this search.
picker-no-candidates = This body has no current members to choose from.
error-number_taken = This number is already another session’s of this council.
error-slots_outside_days = Some program slots fall outside these days: change them first.
error-session_has_papers = A session where working papers were assigned cannot be deleted.
error-workshop_has_papers = A workshop that has working papers cannot be deleted.
error-capacity_below_signed = More participants have signed up than this capacity.
paper-assignee-others = Members outside the council (member numbers, separated by commas)

## Meeting page sections
meeting-sections = Meeting sections
meeting-summary = Summary
meeting-documents = Documents
minutes-open-to-write = Open and write the minutes
minutes-read = Read the minutes
minutes-document-title-short = Minutes: { $meeting }
document-page = Page { $page } of { $total }
field-brand_color = Organization colour
settings-brand-default = majlis colour (green)
settings-brand-pick = Pick a colour
settings-brand-hint = It colours the header and buttons; it must be dark enough for white text on it.
settings-logo = Logo
settings-logo-current = Current logo
settings-logo-none = No logo: the initial of the organization’s name is shown.
settings-logo-upload = Logo image
settings-logo-hint = PNG, JPEG or WebP, up to { $size } KB.
settings-logo-save = Save the logo
settings-logo-remove = Remove the logo
settings-logo-remove-confirm = Remove the logo and go back to the name’s initial?

## Campaigns
field-body = Body
board-region = Region
board-submitted-at = Submitted on
board-days-late = Days late
board-meeting-held = Required meeting held
board-status-not_started = Not started
board-status-draft = Draft
board-status-submitted_on_time = Submitted on time
board-status-submitted_late = Submitted late
board-status-returned = Returned for revision
board-status-accepted = Accepted
board-status-missing = Missing after the deadline
report-state-draft = Draft
report-state-submitted = Submitted
report-state-returned = Returned for revision
report-state-accepted = Accepted
answer-yes = Yes
answer-no = No
error-not_a_target = This body is not one of the campaign's targets.
error-campaign_not_running = The campaign is not running: nothing can be submitted.
error-report_locked = The report is submitted: it can only be changed if it is returned.
error-already_submitted = The report is already submitted.
error-no_report_required = This campaign asks for no report.
error-nothing_required = Say what the bodies must do: a meeting or a report.
error-unknown_template = Report template not found.
error-unknown_body = Body not found.
error-unknown_decision = Decision not found.
error-not_this_body = This meeting is not one of this body's.
error-out_of_range = The value is out of the allowed range.
error-not_an_integer = Enter a whole number.
error-not_a_number = Enter a number.
error-one_choice = Choose one answer.
error-invalid_table = The table is not valid.
error-too_many_rows = The table has too many rows.
error-unknown_field = This field is not in the template.
error-invalid_key = Invalid key: lowercase Latin letters, digits and “_”.
error-duplicate_key = Duplicate key.
error-invalid_label = Invalid label.
error-bad_range = The bounds do not agree.
error-bad_options = Invalid choices (at least two, unique keys).
error-bad_columns = Invalid table columns.
error-invalid_template = The template is not valid.
error-too_many = More than allowed.
error-invalid_text = Invalid text.
campaigns-title = Campaigns
nav-campaigns = Campaigns
campaign-state-draft = Draft
campaign-state-launched = Running
campaign-state-closed = Closed
campaign-issuer = Issued by
campaign-targets = Bodies concerned
campaign-summary = Summary
campaign-board = Compliance board
campaign-reports-in = Reports in
campaign-median-late = Median days late
campaign-board-csv = Download the board (CSV)
campaign-reports-csv = Download every answer (CSV)
campaign-all = All
campaign-filter = Filter
campaign-due-grace = { $date } (grace period: { $days })
board-no-region = Outside the regions
board-late-days = { $category ->
    [one] { $count } day
   *[other] { $count } days
}
empty-campaigns = No campaign concerns you yet.
empty-board = No body on this board.
report-range = Between { $min } and { $max }.
report-range-min = At least { $min }.
report-range-max = At most { $max }.
report-meeting = Meeting that evaluated
report-no-meeting = — no meeting linked —
report-no-meeting-yet = This body has no meeting of the required kind yet.
report-form-help = Save a draft as you go; submit once every required field (*) is filled. A submitted report is locked unless it is returned.
report-returned-with = Returned with this comment:
report-save-draft = Save the draft
report-saved = Draft saved.
report-submit = Submit the report
report-submit-confirm = Submit the report? It will be locked and sent to the issuing body.
report-answers = The report's answers
report-add-note = Add a note on this answer
report-note-on = Note on
report-review-comment = General comment (required to return the report, unless you left notes)
report-accept = Accept the report
report-accept-confirm = Accept this report? It will stay locked.
report-return = Return for revision
report-history = History
report-event-save = Draft saved
report-event-submitted = Submitted
report-event-returned = Returned for revision
report-event-accepted = Accepted
report-submitted-on-time = { $date }, on time
report-submitted-late = { $date }, { $days } late
board-open-report = Open the report
campaign-our-report = Our report
report-template = Report
synthesis-title = Synthesis report
synthesis-open = Open the synthesis report
synthesis-all = All reports
synthesis-counted = { $reports } reports counted out of { $targets } bodies
synthesis-reports = Reports counted
synthesis-figures = Figures
synthesis-empty = No report submitted yet: the figures appear with the first one.
synthesis-count = Reports
synthesis-sum = Total
synthesis-mean = Mean
synthesis-median = Median
synthesis-min = Min.
synthesis-max = Max.
synthesis-group = Group
synthesis-field = Question
synthesis-option = Answer
synthesis-share = Share
synthesis-answered = { $category ->
    [one] { $count } report answered
   *[other] { $count } reports answered
}
synthesis-by-body = Each body's answer
synthesis-no-text = No body wrote in this section yet.
synthesis-stragglers = Bodies late or missing
synthesis-late = Submitted late
synthesis-missing = Not submitted
synthesis-csv = Download the figures (CSV)
synthesis-analysis = The issuing body's analysis
synthesis-analysis-label = Analysis
synthesis-analysis-hint = Written above the generated figures; each save is kept as a new version with the figures of that moment.
synthesis-save = Save as a new version
synthesis-approve = Approve this version
synthesis-approve-confirm = Approve this version of the synthesis report? It will be locked; a later change makes a new version.
synthesis-agenda-item = Studied at (agenda item)
synthesis-no-agenda-item = — no agenda item —
synthesis-no-analysis = No analysis written yet.
synthesis-versions = Versions
synthesis-version-line = Version { $number }, saved by { $name } on { $date }
synthesis-approved-by = Version { $number } approved by { $name } on { $date }
error-nothing_to_approve = Save the analysis before approving.
error-already_approved = This version is already approved: a change makes a new version.
mail-campaign-subject = Reminder: “{ $title }” — due { $due }
mail-campaign-before-text =
    Dear { $name },
    
    As part of “{ $title }”, { $body } must hold its meeting and send its report by { $due }. The report is now: { $status }.
    
    Fill in and send the report here:
    { $link }
mail-campaign-due-day-text =
    Dear { $name },
    
    Today, { $due }, is the last day to send the report of { $body } for “{ $title }”. The report is now: { $status }.
    
    { $link }
mail-campaign-overdue-text =
    Dear { $name },
    
    The deadline of { $due } has passed and the report of { $body } for “{ $title }” has not arrived ({ $days } late; status: { $status }). Please send it as soon as possible.
    
    { $link }
mail-campaign-manual-text =
    Dear { $name },
    
    The issuing body reminds you that the report of { $body } for “{ $title }” has not arrived yet (due { $due }; status: { $status }).
    
    { $link }
mail-campaign-escalation-subject = Late bodies in “{ $title }”: { $count }
mail-campaign-escalation-text =
    Dear { $name },
    
    The deadline of { $due } for “{ $title }” has passed and the reports of these bodies under { $body } have not arrived:
    
    { $bodies }
    
    Please follow them up. Compliance board:
    { $link }
campaign-remind = Remind the missing
campaign-remind-confirm = Send a reminder now to the chair and the secretary of every body that has not reported yet?
campaign-reminded = The reminders are on their way to the bodies that have not reported yet.
home-reports = Reports to send
body-campaign-issued = Issued by this body
campaign-board-xlsx = Download the board (Excel)
synthesis-docx = Download for Word (DOCX)
calendar-deadline = Deadline: { $title }
error-target_has_report = This body has already written a report for this campaign: it stays among the targets.
plans-title = Action plans
nav-plans = Plans
empty-plans = No action plan yet. A body's officers write one from here.
plan-progress = Progress
plan-new = New action plan
plan-owner = Body in charge of the plan
plan-create = Create the plan
plan-done = done
plan-decisions = Decisions it carries out
plan-objectives = Objectives
empty-objectives = No objective yet: add the first one below.
plan-target = Target
empty-tasks = No task yet.
plan-in-charge = In charge
plan-from-campaign = progress of the campaign
plan-update-task = Record progress
plan-note = What was done
plan-add-task = Add a task
plan-weight = Weight
plan-add-objective = Add an objective
plan-target-value = Target value
plan-unit = Unit
plan-target-date = Target date
plan-timeline = Timeline
task-status-todo = To do
task-status-in_progress = In progress
task-status-blocked = Blocked
task-status-done = Done
plan-update-create = Plan created
plan-update-add_objective = Objective added
plan-update-add_task = Task added
plan-update-update_task = Task updated
plan-pdf-tasks = Tasks
plan-pdf-progress = Progress
error-unknown_person = Person not found.
error-unknown_campaign = Campaign not found.
error-invalid_id = Invalid identifier.
campaign-new = New campaign
campaign-create = Save as a draft
campaign-draft-help = The campaign is saved as a draft: its targets are frozen when you launch it from its page.
campaign-grace-days = Grace period (days)
campaign-meeting-kind = Meeting each body must hold
campaign-no-meeting = — no meeting required —
campaign-template = Report template
campaign-no-report = — no report required —
campaign-target-kinds = Target bodies (by kind)
campaign-within = Within
campaign-everywhere = The whole organization
campaign-launch = Launch the campaign
campaign-launch-confirm = Launch the campaign? Its target bodies are frozen and reminders are scheduled.
campaign-close = Close the campaign
campaign-close-confirm = Close the campaign? No report can be submitted after that.

## Evidence: files attached to reports and plan tasks
evidence-title = Attached files
evidence-none = No files attached yet.
evidence-add = Attach a file
evidence-hint = Attendance sheet, results table, photos or documents: PDF, Word, ODT, a JPEG/PNG image or an XLSX/ODS spreadsheet, up to 20 files.
evidence-remove = Remove
evidence-remove-confirm = Remove this file?
evidence-save-first = Save the draft first to attach files.
report-event-attach = File attached
report-event-detach = File removed
plan-update-add_evidence = Evidence attached
plan-update-remove_evidence = Evidence removed
error-evidence_type = File type not accepted: PDF, DOCX, ODT, Markdown, a JPEG/PNG image or an XLSX/ODS spreadsheet only (checked by content, not by name).
error-too_many_files = It already has the most files allowed (20).

## Campaigns as measures asked of a body
measures-asked = Measures asked of this body
measure-from = Issued by
measure-hold-meeting = Hold: { $kind }
measure-send-report = Send the report
decisions-of-body = The body's own decisions and measures

## Report templates designer
templates-title = Report templates
templates-new = New template
templates-edit = Edit the template
templates-intro = A template sets what each body fills in its report: fields (numbers, choices, tables) and written sections. A campaign pins the template's version when it is launched; every change makes a new version and leaves running campaigns as they are.
templates-empty = No templates yet.
templates-version = Version
templates-parts = Content
templates-saved = Saved on
templates-fields = { $category ->
    [one] { $count } field
   *[other] { $count } fields
}
templates-sections = { $category ->
    [one] { $count } section
   *[other] { $count } sections
}
templates-max-chars = { $category ->
    [one] at most { $count } character
   *[other] at most { $count } characters
}
templates-older-version = This is an earlier version of the template; an edit starts from the latest version.
templates-edit-help = Saving makes a new version of the template; campaigns launched with an earlier version keep it as it is.
templates-fields-title = Fields
templates-no-fields = This template has no fields.
templates-label = Label
templates-kind = Type
templates-rules = Rules
templates-required = Required
templates-sections-title = Written sections
templates-no-sections = This template has no written sections.
templates-versions = Versions and the campaigns using them
templates-unused = used by no campaign
templates-name = Template name
templates-key = Identifier
templates-key-help = Optional: lowercase Latin letters, digits, “-” and “_”, such as elections-2016. Made automatically when left empty.
templates-fields-help = Each field is a short answer: a number, a percentage, a choice, a date, yes/no, a short text or a table. A field without a label is not saved.
templates-field = Field
templates-min = Lowest value
templates-max = Highest value
templates-max-len = Most characters
templates-lines = Choices or table columns
templates-lines-help = One line per choice or column. An identifier may come before a colon: money: lack of means.
templates-help = Help for whoever fills the report
templates-part-key = Identifier
templates-order = Order
templates-remove = Remove
templates-add-field = Add a field
templates-sections-help = Sections are texts the body writes: assessment, lessons, proposals… with guidance on what is expected.
templates-section = Section
templates-guidance = Guidance
templates-add-section = Add a section
templates-create = Create the template
templates-save-version = Save a new version
template-kind-integer = Whole number
template-kind-decimal = Decimal number
template-kind-percentage = Percentage
template-kind-choice = One choice
template-kind-multiple = Several choices
template-kind-date = Date
template-kind-yes_no = Yes / no
template-kind-short_text = Short text
template-kind-table = Table
error-invalid_number = Enter a number.
error-key_taken = This identifier already belongs to another template.

## Communiqués (secretariat)
nav-communiques = Communiqués
communiques-title = Communiqués
communiques-intro = The bodies' press releases: drafted from a meeting's record or from scratch, reviewed, approved by the body's chair or secretary, then published on the public site.
communiques-empty = No communiqués yet. Open a held meeting and choose “Draft a communiqué”.
communiques-public-site = Public site
communique-date = Date
communique-state-draft = Draft
communique-state-in_review = In review
communique-state-approved = Approved
communique-state-scheduled = Scheduled
communique-state-published = Published
communique-state-corrected = Published, corrected
communique-state-withdrawn = Withdrawn
communique-draft-title = Draft communiqué from the meeting's record
communique-draft-help = Text generated from the meeting's record: agenda, decisions and measures, deadlines and campaigns, coming sessions and their workshops, thematic meetings. Each sentence links to the records it came from. Create the communiqué, then edit it before review.
communique-draft-create = Create the communiqué and its French translation
draft-source-meeting = The meeting
draft-source-agenda = The agenda
draft-source-decision = Decisions and measures
draft-source-campaign = The campaign
draft-source-session = The session
draft-source-workshop = The workshop
draft-source-thematic = The thematic meeting
draft-source-reports = The reports heard
communique-edit = Edit the communiqué
communique-correct = Correct the communiqué
communique-public-page = Public page
communique-lang = Language
communique-meeting = Meeting
communique-meeting-link = The meeting's record
communique-published = Published on
communique-corrected = Corrected on
communique-withdrawn = Withdrawn on
communique-tags = Tags
communique-translations = Translations
communique-action-submit = Send for review
communique-action-reject = Send back to drafting
communique-action-approve = Approve
communique-action-publish = Publish now
communique-action-schedule = Schedule
communique-action-unschedule = Unschedule
communique-action-withdraw = Withdraw the communiqué
communique-approve-confirm = Approve this communiqué in the body's name?
communique-publish-confirm = Publish this communiqué on the public site now?
communique-withdraw-confirm = Withdraw this communiqué? Its page will say it was withdrawn.
communique-publish-at = Publication date and time
communique-withdraw-note = Reason for withdrawal (public)
communique-history = History
communique-text-then = The text at the time
communique-back = The communiqué
communique-erratum-help = This communiqué is published: any change is recorded as an erratum, shown to the public with its reason; the previous text stays in the history.
communique-slug = Page address
communique-text = Text
communique-text-help = Paragraphs separated by a blank line; Markdown may be used for headings and lists.
communique-erratum-note = What was corrected?
communique-save-erratum = Save the erratum
communique-event-create = Created
communique-event-edit = Edited
communique-event-before_correction = Text before the correction
communique-event-correct = Corrected
communique-event-in_review = Sent for review
communique-event-draft = Sent back to drafting
communique-event-approved = Approved
communique-event-scheduled = Scheduled
communique-event-published = Published
communique-event-withdrawn = Withdrawn
communique-event-corrected = Corrected
error-communique_locked = An approved communiqué is not edited before it is published: unschedule it, or publish it and then correct it.
error-in_the_past = Choose a date and time in the future.
error-invalid_slug = Invalid page address.

## Public site
public-communiques = Communiqués
public-latest = Latest communiqués
public-description = Official communiqués and statements.
public-feed = Feed
public-members = Members' area
public-empty = No communiqué published yet.
public-withdrawn-tag = withdrawn
public-corrected-tag = corrected
public-pages = Pages
public-newer = Newer
public-older = Older
public-archive = Archive
public-withdrawn = This communiqué was withdrawn on
public-corrected = This communiqué was corrected on

## Public comments
public-comments = { $category ->
    [zero] No comments
    [one] { $count } comment
   *[other] { $count } comments
}
comment-write = Leave a comment
comment-reply = Reply
comment-earlier = Earlier comments
comment-later = Later comments
comment-closed = Comments are closed.
comment-email-private = Your e-mail address will not be published. Required fields are marked *
comment-name = Name
comment-email = E-mail address
comment-text = Comment
comment-leave-empty = Leave this field empty
comment-send = Send the comment
comment-sent = Thank you. Your comment awaits review before it is published.
comment-back = Back to the communiqué
comment-field-name = Name
comment-field-email = E-mail address
comment-field-text = Comment
comment-field-parent_id = Reply
error-too_fast = Check your comment, then send it again.
error-duplicate_comment = This comment was already sent under this communiqué.
error-comments_closed = Comments are closed on this communiqué.
error-rate_limited = Too many comments in a short time. Try again in { $wait }.
moderation-title = Comments to review
moderation-intro = The public's comments on your bodies' communiqués are published only once approved. E-mail addresses are neither kept nor shown.
moderation-empty = No comments to review.
moderation-flagged = Worth a look
moderation-approve = Publish the selected
moderation-reject = Reject the selected
moderation-spam = Mark the selected as spam
moderation-select-all = Select all

## Moderators' notice
mail-comments-count = { $category ->
    [one] { $count } comment waits
   *[other] { $count } comments wait
}
mail-comments-subject = { $count } for review
mail-comments-text =
    { $name },
    
    { $count } for review under the communiqué “{ $title }”.
    
    To review them: { $link }
    
    The e-mail addresses of those who comment are not kept.
