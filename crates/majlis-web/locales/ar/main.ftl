# majlis — الرسائل العربية (اللغة الافتراضية)

## التنقل
nav-skip = انتقل إلى المحتوى
nav-main = القائمة الرئيسية
nav-menu = القائمة
nav-dashboard = الرئيسية
nav-bodies = الهيئات
nav-people = الأعضاء
nav-account = حسابي
nav-admin = الإدارة
nav-settings = إعدادات التنظيم
nav-language = اللغة
nav-breadcrumbs = مسار التصفح
nav-back = رجوع
nav-back-home = العودة إلى الرئيسية
nav-pages = الصفحات
nav-previous = السابق
nav-next = التالي
nav-actions = إجراءات
nav-page-of = الصفحة { $page } من { $pages }

## الإجراءات
action-login = دخول
action-logout = خروج
action-save = حفظ
action-cancel = إلغاء
action-create = إنشاء
action-edit = تعديل
action-archive = أرشفة
action-search = بحث
action-history = السجل
action-new-body = هيئة جديدة
action-new-sub-body = هيئة فرعية
action-new-person = عضو جديد
action-add-member = إضافة عضو
action-end-membership = إنهاء العضوية
action-create-token = إنشاء رمز
action-revoke = إلغاء الرمز
action-disable = تعطيل
action-enable = تفعيل

## الدخول
login-title = تسجيل الدخول
login-failed = اسم المستخدم أو كلمة المرور غير صحيحة.

## الرئيسية
dashboard-title = الرئيسية
dashboard-greeting = مرحبا، { $name }
dashboard-my-bodies = هيئاتي ومهامي
dashboard-no-roles = لا توجد لك عضوية حالية في أي هيئة.
dashboard-organization = التنظيم
home-meetings = اجتماعاتي المقبلة
home-meetings-empty = لا اجتماع مبرمجا في هيئاتك.
home-papers = أوراق العمل المكلف بها
home-papers-empty = لا ورقة عمل تنتظرك.
home-decisions = مقررات وتدابير للتنفيذ
home-decisions-empty = لا مقرر مفتوحا على عاتق هيئاتك.
home-minutes = محاضر تنتظر المصادقة
home-due = آخر أجل { $date }
home-overdue = متأخر
home-reviews = أوراق عمل تنتظر المصادقة
home-to-review = للمراجعة
home-activity = آخر المستجدات في هيئاتي
home-activity-empty = لا جديد في هيئاتك بعد.
activity-today = اليوم، { $time }
activity-yesterday = أمس، { $time }
activity-by = { $action } من طرف { $name }
activity-meeting-planned = بُرمج اجتماع
activity-meeting-held = انعقد الاجتماع
activity-meeting-postponed = أُجّل الاجتماع
activity-meeting-cancelled = أُلغي الاجتماع
activity-minutes-approved = صودق على المحضر
activity-decision-taken = اتُّخذ مقرر
activity-decision-followed-up = حُيّن تتبع مقرر
activity-member-joined = التحق عضو بالهيئة
activity-member-left = انتهت عضوية
activity-paper-circulated = وُزّعت ورقة عمل
reply-question = هل ستحضر هذا الاجتماع؟
reply-attend = سأحضر
reply-apologies = أعتذر عن الحضور
reply-status-attend = سيحضر
reply-status-apologies = اعتذر
error-reply_too_late = بدأ الاجتماع: لم يعد الرد على الاستدعاء ممكنا.
confirm-end-membership = إنهاء هذه العضوية؟ تبقى في سجل الأعضاء السابقين.
confirm-archive = أرشفة هذا السجل؟ لن يظهر في القوائم بعد الآن.
confirm-cancel-meeting = إلغاء هذا الاجتماع؟ يتوصل المدعوون بإشعار الإلغاء.
confirm-approve-minutes = المصادقة على المحضر؟ يُقفل بعدها سجل الاجتماع ولا يمكن تعديله.
confirm-disable-account = تعطيل هذا الحساب؟ تُلغى جلساته ومفاتيحه.
confirm-revoke = إلغاء هذا المفتاح نهائيا؟

## الأعداد (الفئة من icu_plurals)
count-members = { $category ->
    [zero] لا أعضاء
    [one] عضو واحد
    [two] عضوان
    [few] { $count } أعضاء
    [many] { $count } عضوا
   *[other] { $count } عضو
}
count-people = { $category ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصا
   *[other] { $count } شخص
}
count-bodies = { $category ->
    [zero] لا هيئات
    [one] هيئة واحدة
    [two] هيئتان
    [few] { $count } هيئات
    [many] { $count } هيئة
   *[other] { $count } هيئة
}

## الهيئات
bodies-title = الهيئات
body-new-title = هيئة جديدة
body-edit-title = تعديل الهيئة
body-members = الأعضاء
body-members-count = عدد الأعضاء الحاليين
body-no-members = لا أعضاء حاليا.
body-past-members = الأعضاء السابقون
body-sub-bodies = الهيئات الفرعية
body-no-sub-bodies = لا هيئات فرعية.
body-no-parent = — بدون هيئة أم —
body-archived = هذه الهيئة مؤرشفة.
kind-executive = هيئة تنفيذية
kind-council = مجلس
kind-congress = مؤتمر
kind-secretariat = أمانة
kind-regional = هيئة جهوية
kind-provincial = هيئة إقليمية
kind-local = فرع محلي
kind-parallel_org = منظمة موازية
kind-sector = قطاع
kind-commission = لجنة

## الأدوار
role-group-chair = الكتابة العامة
role-group-deputy_chair = نواب الكاتب العام
role-group-secretary = الكتابة
role-group-treasurer = أمانة المال
role-group-member = الأعضاء
label-member-of = { $gender ->
    [female] عضوة
   *[male] عضو
}
period-since = منذ { $from }
period-range = من { $from } إلى { $to }
member-new-title = إضافة عضو إلى الهيئة
member-find-person = ابحث عن الشخص بالاسم أو رقم العضوية

## الأعضاء
people-title = الأعضاء
person-new-title = تسجيل عضو جديد
person-edit-title = تعديل بيانات العضو
person-memberships = الهيئات والمهام
person-no-memberships = لا عضوية مسجلة.
person-archived = هذا العضو مؤرشف.
gender-female = أنثى
gender-male = ذكر

## الحساب
account-title = حسابي
account-language = لغة الواجهة
account-locale-auto = تلقائي (حسب المتصفح)
account-tokens = رموز الولوج إلى الواجهة البرمجية
account-no-tokens = لا رموز بعد.
account-token-shown-once = انسخ هذا الرمز الآن: لن يظهر مرة أخرى.
account-token-created = تاريخ الإنشاء
account-token-state = الحالة
account-token-live = ساري
account-token-revoked = ملغى
account-state = الحالة
account-active = نشط
account-disabled = معطل
account-admin = مدير المنصة
admin-accounts-title = الحسابات
admin-new-account = حساب جديد
settings-title = إعدادات التنظيم
lang-ar = العربية
lang-fr = الفرنسية
lang-en = الإنجليزية
digits-western = أرقام غربية (0-9)
digits-arabic_indic = أرقام هندية (٠-٩)

## السجل
audit-title = سجل التغييرات
audit-field = الحقل
audit-before = قبل
audit-after = بعد
audit-system = النظام
audit-action-create = إنشاء
audit-action-update = تعديل
audit-action-archive = أرشفة
audit-action-end = إنهاء
audit-action-reset_password = تغيير كلمة المرور
audit-action-disable = تعطيل
audit-action-enable = تفعيل
audit-action-revoke = إلغاء
audit-action-restore = استرجاع نسخة احتياطية

## الحقول
field-login = اسم المستخدم أو البريد الإلكتروني
field-password = كلمة المرور
field-search = بحث
field-name = الاسم
field-name_ar = الاسم بالعربية
field-name_fr = الاسم بالفرنسية
field-name_en = الاسم بالإنجليزية
field-kind = النوع
field-parent_id = الهيئة الأم
field-city = المدينة أو الإقليم
field-full_name_ar = الاسم الكامل بالعربية
field-full_name_latin = الاسم بالحروف اللاتينية
field-gender = الجنس
field-member_number = رقم العضوية
field-email = البريد الإلكتروني
field-phone = الهاتف
field-joined_on = تاريخ الانخراط
field-person_id = الشخص
field-body_id = الهيئة
field-role = المهمة
field-starts_on = من تاريخ
field-ends_on = إلى تاريخ
field-username = اسم المستخدم
field-locale = اللغة
field-token-name = اسم الرمز
field-token = الرمز
field-key = المفتاح
field-id = المعرف
field-linked-member_number = رقم عضوية صاحب الحساب (اختياري)
field-short_name = الاسم المختصر
field-default_locale = لغة الواجهة الافتراضية
field-date_locale = الأعراف الجهوية للتواريخ
field-digits = الأرقام
field-time_zone = المنطقة الزمنية
field-show_hijri = إظهار التاريخ الهجري بجانب الميلادي
form-has-errors = يرجى تصحيح الأخطاء المشار إليها.
empty-sessions = لا دورة لهذا المجلس بعد.
empty-meetings = لا اجتماع لهذه الهيئة بعد: برمج أول اجتماع من زر «اجتماع جديد».
empty-search = لا أحد يطابق هذا البحث. جرّب جزءا من الاسم أو رقم العضوية.
empty-bodies = لا هيئة تطابق هذا البحث.
empty-decisions-to-follow = لا مقرر ولا تدبير مفتوح على عاتق هذه الهيئة.
empty-participations = لم تسجل أي مشاركة بعد.
empty-audit = لا تغيير مسجل على هذا السجل.
empty-program = البرنامج فارغ: أضف أول حصة (افتتاح، ورشات، اختتام).
empty-papers = لم تُكلَّف أي ورقة عمل بعد.
empty-parallel = لا لقاء موضوعاتي مرتبط بهذه الدورة.
empty-versions = لا صيغة بعد: أودع ملفا أو اكتب النص أدناه.
empty-agenda = جدول الأعمال فارغ.
empty-guests = لا ضيف مدعو.
empty-decisions = لم يُسجَّل أي مقرر في هذا الاجتماع.
empty-reports = لم يُسجَّل أي تقرير.

## الأخطاء
error-invalid_input = المعطيات غير صالحة.
error-forbidden = ليست لديك صلاحية القيام بهذا.
error-unauthenticated = يجب تسجيل الدخول أولا.
error-not_found = الصفحة أو السجل المطلوب غير موجود.
error-conflict = هذه القيمة مستعملة من قبل: { $field }.
error-stale_record = تغير هذا السجل منذ فتحه. أعد تحميل الصفحة.
error-bad_request = طلب غير صالح.
error-csrf_failed = انتهت صلاحية النموذج. أعد تحميل الصفحة وحاول مجددا.
error-payload_too_large = المحتوى المرسل أكبر من الحد المسموح.
error-locked = محاولات فاشلة كثيرة. حاول مجددا بعد { $wait }.
error-busy = الخادم منشغل بطلبات دخول كثيرة. حاول بعد لحظات.
wait-minutes = { $category ->
    [zero] 0 دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
wait-seconds = { $category ->
    [zero] 0 ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $count } ثوان
    [many] { $count } ثانية
   *[other] { $count } ثانية
}
error-unavailable = قاعدة البيانات غير متاحة مؤقتا. حاول بعد لحظات.
error-internal = حدث خطأ داخلي. تم تسجيله.
error-required = هذا الحقل مطلوب.
error-single_line = هذا الحقل سطر واحد: احذف فواصل الأسطر.
error-contact_shared = هذا الشخص عضو في هيئات أخرى لا تديرها: لا يغير بريده أو هاتفه إلا المكتب السياسي أو الشخص نفسه.
error-too_long = النص أطول من المسموح.
error-invalid_email = عنوان البريد الإلكتروني غير صالح.
error-invalid_choice = اختيار غير صالح.
error-invalid_color = لون غير صالح: اختر لونا بصيغة ⁦#rrggbb⁩.
error-color_too_light = هذا اللون فاتح جدا: لا يُقرأ النص الأبيض عليه. اختر لونا أدكن.
error-image_type = يُقبل الشعار بصيغة ⁦PNG⁩ أو ⁦JPEG⁩ أو ⁦WebP⁩ فقط.
error-parent_cycle = لا يمكن وضع هيئة تحت نفسها أو تحت إحدى هيئاتها الفرعية.
error-invalid_member_number = رقم العضوية يقبل الحروف اللاتينية والأرقام و - و / فقط.
error-invalid_phone = رقم الهاتف غير صالح.
error-invalid_date = التاريخ غير صالح (سنة-شهر-يوم).
error-end_before_start = تاريخ النهاية قبل تاريخ البداية.
error-already_ended = هذه العضوية منتهية من قبل.
error-password_too_short = كلمة المرور قصيرة جدا (10 أحرف على الأقل).
error-invalid_username = اسم المستخدم: حروف لاتينية وأرقام و . _ - فقط.
error-has_active_children = لا يمكن أرشفة هيئة لها هيئات فرعية نشطة.
error-archived = هذا السجل مؤرشف.
error-invalid_role_key = مفتاح المهمة غير صالح.
error-cannot_disable_self = لا يمكنك تعطيل حسابك بنفسك.
error-taken = هذه القيمة مستعملة من قبل.
error-title-400 = طلب غير صالح
error-title-401 = تسجيل الدخول مطلوب
error-title-403 = غير مسموح
error-title-404 = غير موجود
error-title-409 = تعارض
error-title-413 = محتوى كبير جدا
error-title-422 = معطيات غير صالحة
error-title-429 = محاولات كثيرة
error-title-500 = خطأ داخلي
error-title-503 = الخدمة غير متاحة مؤقتا
error-title-other = خطأ
settings-roles = المهام
field-name_ar_female = الاسم بالعربية للمؤنث
field-new-password = كلمة مرور جديدة
action-add-role = إضافة مهمة
action-reset-password = تغيير كلمة المرور
error-invalid_datetime = التاريخ والساعة غير صالحين.
error-invalid_duration = المدة غير صالحة (من 1 إلى 600 دقيقة).
error-record_locked = صودق على محضر هذا الاجتماع: سجله (جدول الأعمال، الحضور، الضيوف، نصوص المقررات، التقارير) لم يعد قابلا للتعديل.
error-meeting_not_started = لا يسجل انعقاد اجتماع قبل موعد بدايته.
error-meeting_closed = هذا الاجتماع منعقد أو ملغى: لا يمكن تغيير حالته.
error-postpone_not_later = التاريخ الجديد يجب أن يكون بعد التاريخ الحالي.
error-meeting_cancelled = هذا الاجتماع ملغى.
error-not_invited = هذا الشخص ليس من المدعوين إلى الاجتماع.
error-minutes_locked = المحضر مصادق عليه ومقفل.
error-days_out_of_order = أيام الدورة في غير ترتيبها.
error-outside_session = الحصة خارج أيام الدورة.
error-paper_approved = ورقة العمل مصادق عليها.
error-invalid_transition = هذا الانتقال غير ممكن في هذه المرحلة.

## الاجتماعات
body-meetings = الاجتماعات
body-decisions-to-follow = المقررات والتدابير قيد التتبع
action-new-meeting = اجتماع جديد
meeting-new-title = برمجة اجتماع
meeting-title = الاجتماع
meeting-when = الموعد
meeting-when-value = { $date }، { $times }
meeting-times-zone = الساعات بتوقيت التنظيم:
meeting-quorum = النصاب
meeting-agenda = جدول الأعمال
meeting-attendance = الحضور
meeting-decisions = المقررات والتدابير
meeting-status-actions = حالة الاجتماع
meeting-quorum-reached = النصاب مكتمل: حضر { $present } من أصل { $members } (المطلوب { $needed }).
meeting-quorum-missing = { $nobody ->
    [yes] النصاب غير مكتمل: لم يحضر أي عضو من أصل { $members } (المطلوب { $needed }).
   *[no] النصاب غير مكتمل: حضر { $present } من أصل { $members } (المطلوب { $needed }).
}
meeting-kind-periodic = اجتماع دوري
meeting-kind-special = لقاء خاص
meeting-kind-extraordinary = اجتماع استثنائي
meeting-kind-thematic = لقاء موضوعاتي
meeting-status-planned = مبرمج
meeting-status-held = منعقد
meeting-status-cancelled = ملغى
meeting-status-not_recorded = لم يسجل انعقاده
paper-not-submitted-by-due = لم تقدم في أجلها
meeting-status-postponed = مؤجل
quorum-majority = الأغلبية المطلقة للأعضاء
quorum-two_thirds = ثلثا الأعضاء
quorum-fixed = عدد محدد
action-mark-held = تسجيل الانعقاد
action-cancel-meeting = إلغاء الاجتماع
action-postpone = تأجيل
action-move-up = تقديم
action-move-down = تأخير
action-add-agenda-item = إضافة نقطة إلى جدول الأعمال
action-save-attendance = حفظ الحضور
action-add-decision = إضافة مقرر أو تدبير
attendance-present = حاضر
attendance-excused = معتذر
attendance-absent = غائب
attendance-unknown = لم يسجل
decision-kind-decision = مقرر
decision-kind-measure = تدبير
decision-status-open = قيد التنفيذ
decision-status-done = منجز
decision-status-dropped = متخلى عنه
decision-due = الأجل: { $date }
decision-no-body = — بدون هيئة مكلفة —
count-minutes = { $category ->
    [zero] 0 دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
field-title = العنوان
field-venue = المكان
field-theme = الموضوع
field-starts_at = البداية
field-ends_at = النهاية
field-quorum = قاعدة النصاب
field-planned_minutes = المدة المقررة (بالدقائق)
field-description = وصف
field-status = الحالة
field-text = النص
field-responsible_body_id = الهيئة المكلفة
field-responsible_person_id = الشخص المكلف
field-due_on = الأجل
field-presenter_id = المقدم
audit-action-held = انعقاد
audit-action-cancelled = إلغاء
audit-action-postponed = تأجيل
audit-action-planned = برمجة
audit-action-attendance = تسجيل الحضور
audit-action-reorder = ترتيب جدول الأعمال
audit-action-seed = تحميل معطيات تجريبية

## الدورات
body-sessions = الدورات
action-new-session = دورة جديدة
field-session-number = رقم الدورة (اختياري)
field-number = رقم الدورة
field-first_day = اليوم الأول
field-last_day = اليوم الأخير
session-program = برنامج الدورة
session-time = التوقيت
field-room = القاعة
session-workshops = الورشات
workshop-themes = المحاور
workshop-questions = الأسئلة الموجهة
workshop-facilitators = التسيير
workshop-rapporteurs = المقررون
workshop-participants = المشاركون
session-papers = أوراق العمل
paper-assignees = المكلفون
session-parallel = البرنامج الموازي: اللقاءات الموضوعاتية
session-plan = إعداد الدورة
session-conflicts = تنبيهات حول البرنامج:
session-workshop = الورشة
action-add-workshop = إضافة ورشة
action-add-slot = إضافة حصة إلى البرنامج
action-assign-paper = تكليف بورقة عمل
workshop-themes-one-a-line = المحاور (محور في كل سطر)
workshop-questions-one-a-line = الأسئلة الموجهة (سؤال في كل سطر)
field-capacity = الطاقة الاستيعابية
field-themes = المحاور
field-questions = الأسئلة
field-slot_title = عنوان الحصة
field-paper_title = عنوان ورقة العمل
field-paper_workshop_id = الورشة
field-assignees = المكلفون
paper-assignee-numbers = أرقام عضوية المكلفين (مفصولة بفواصل)
slot-kind-opening = جلسة افتتاحية
slot-kind-workshop = ورشة
slot-kind-break = استراحة
slot-kind-plenary = جلسة عامة
slot-kind-closing = جلسة ختامية
paper-state-assigned = مكلف بها
paper-state-draft = مسودة
paper-state-submitted = مقدمة
paper-state-approved = مصادق عليها
paper-state-returned = مرجعة للتعديل
paper-state-circulated = موزعة
paper-action-save_version = حفظ نسخة
paper-action-submit = تقديم
paper-action-approve = مصادقة
paper-action-return = إرجاع للتعديل
paper-action-circulate = توزيع على المشاركين
count-days-late = { $category ->
    [zero] بلا تأخير
    [one] متأخرة بيوم واحد
    [two] متأخرة بيومين
    [few] متأخرة بـ{ $count } أيام
    [many] متأخرة بـ{ $count } يوما
   *[other] متأخرة بـ{ $count } يوم
}
conflict-person = { $gender ->
    [female] { $name } مبرمجة في حصتين متزامنتين.
    [male] { $name } مبرمج في حصتين متزامنتين.
   *[other] { $name } مبرمج(ة) في حصتين متزامنتين.
}
conflict-room = القاعة { $room } محجوزة مرتين في نفس الوقت.
conflict-facilitator = { $gender ->
    [female] { $name } تسير ورشة دون أن تكون عضوة في المجلس.
   *[other] { $name } يسير ورشة دون أن يكون عضوا في المجلس.
}
error-not_a_council = الدورات خاصة بهيئات من نوع المجلس.
error-number_not_after_last = رقم الدورة يجب أن يلي رقم آخر دورة.
error-workshop_full = الورشة مكتملة.
error-unknown_member_number = رقم عضوية غير معروف.
audit-action-assign = تكليف
audit-action-link = ربط بالدورة
audit-action-draft = مسودة
audit-action-submitted = تقديم
audit-action-approved = مصادقة
audit-action-returned = إرجاع
audit-action-circulated = توزيع

time-range = من { $from } إلى { $to }
action-add-to-calendar = إضافة إلى التقويم (⁦.ics⁩)

## E-mails
mail-invitation-subject = دعوة: { $title }
mail-invitation-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    يتشرف { $body } بدعوتكم إلى: { $title }
    الموعد: { $when }
    المكان: { $venue }
    
    جدول الأعمال:
    { $agenda }
    تجدون الموعد في الملف المرفق لإضافته إلى مفكرتكم، وتفاصيل الاجتماع على الرابط:
    { $link }
mail-invitation-changed-subject = تغيير موعد أو مكان: { $title }
mail-invitation-changed-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    نخبركم بتغيير موعد أو مكان { $title } ({ $body }).
    الموعد الجديد: { $when }
    المكان: { $venue }
    
    جدول الأعمال:
    { $agenda }
    التفاصيل: { $link }
mail-invitation-cancelled-subject = إلغاء: { $title }
mail-invitation-cancelled-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    نخبركم بإلغاء { $title } ({ $body }) الذي كان مقررا { $when }.
    
    التفاصيل: { $link }
mail-reminder-before-subject = تذكير: ورقة العمل «{ $title }»
mail-reminder-before-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    نذكركم بأن ورقة العمل «{ $title }» المكلفين بها في إطار { $session } منتظرة يوم { $due }.
    
    لإيداع صيغة أو كتابتها: { $link }
mail-reminder-overdue-subject = تأخر: ورقة العمل «{ $title }»
mail-reminder-overdue-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    حل أجل ورقة العمل «{ $title }» ({ $session }) يوم { $due } ولم تودع بعد.
    
    لإيداعها: { $link }

nav-calendar = التقويم
minutes-title = المحضر
minutes-status-approved = مصادق عليه
minutes-status-draft = مسودة
minutes-approved-by = صادق عليه { $name } يوم { $date }
minutes-saved-at = آخر حفظ: { $date } على الساعة { $time } (الصيغة { $version })
minutes-conflict-help = حفظ شخص آخر المحضر بعد أن فتحتَه. نصك محفوظ في الاستمارة أدناه، والصيغة المحفوظة معروضة أعلاه؛ إذا حفظت مرة أخرى ستحل صيغتك محلها.
minutes-conflict-saved = الصيغة المحفوظة حاليا
minutes-overall = المحضر العام
minutes-item-empty = لم يدون شيء في هذه النقطة.
minutes-document-title = محضر { $meeting } — { $body }
minutes-link = المحضر
action-print = صيغة للطباعة
action-download-pdf = تحميل ⁦PDF⁩
action-save-minutes = حفظ المحضر
action-approve-minutes = المصادقة على المحضر وقفله
error-minutes_not_approved = لم يصادق على المحضر بعد.
error-meeting_not_held = لا يصادق على المحضر إلا بعد انعقاد الاجتماع.
error-minutes_empty = المحضر فارغ.
error-file_type = نوع الملف غير مقبول: ⁦PDF⁩ أو ⁦DOCX⁩ أو ⁦ODT⁩ أو ⁦Markdown⁩ (يتحقق من المحتوى لا من الاسم).
error-file_too_large = الملف أكبر من الحد المسموح به.
error-not_a_later_meeting = اختر اجتماعا لاحقا للهيئة نفسها.
error-meeting_not_planned = هذا الاجتماع لم يعد مبرمجا.
field-time = التوقيت
meeting-guests = الضيوف
meeting-reports = التقارير المقدمة
workshop-outcome = التوصيات

minutes-none = لم يحرر بعد
minutes-not-yet = غير متاح بعد
mail-status = الرسائل: أرسلت { $sent }، في الانتظار { $waiting }، تعذر إرسالها { $failed }
mail-retrying = خادم البريد لا يستجيب، ستعاد المحاولة تلقائيا ({ $error }). لن يضيع شيء.
mail-not-configured = لم يضبط خادم البريد بعد: الرسائل محفوظة في الانتظار.
report-no-participation = — دون ربط بمشاركة —
meeting-edit-title = تعديل الاجتماع
meeting-edit-resend = إذا أرسلت الدعوة وتغير الموعد أو المكان، تعاد إلى المدعوين تلقائيا.
meeting-invitations = الدعوة
action-send-invitations = إرسال الدعوة بالبريد
action-resend-invitations = إعادة إرسال الدعوة
meeting-invitations-help = تصل الدعوة إلى الأعضاء والضيوف ذوي البريد الإلكتروني، مع جدول الأعمال وملف للتقويم.
agenda-carried = مرحلة من اجتماع سابق
agenda-item-tools = مرفقات وترحيل
field-attachment = وثيقة مرفقة
action-attach = إرفاق
field-carry_over_to = ترحيل إلى
action-carry-over = ترحيل النقطة
action-add-guest = إضافة ضيف
field-quality = الصفة
field-guest_name = الاسم
field-report_title = العنوان
action-add-report = تسجيل تقرير
field-participation_id = المشاركة
field-file = الملف

field-comment = ملاحظات للمكلفين
paper-versions = الصيغ
paper-version = الصيغة
paper-new-version = صيغة جديدة
paper-upload = إيداع ملف (⁦PDF⁩ أو ⁦DOCX⁩ أو ⁦ODT⁩ أو ⁦Markdown⁩)
paper-upload-limit = الحد الأقصى: { $size }
paper-write = أو كتابة النص هنا (⁦Markdown⁩)
paper-save-version = حفظ الصيغة
paper-history = المسار

calendar-months = الأشهر
calendar-previous = الشهر السابق
calendar-next = الشهر الموالي
calendar-today = هذا الشهر
calendar-show = عرض
calendar-my-bodies = كل هيئاتي
action-show = عرض
calendar-feeds = اشتراك التقويم
calendar-feeds-help = عنوان سري يضيف اجتماعاتك إلى تقويم هاتفك أو حاسوبك ويحدثها تلقائيا. لا تشاركه؛ يمكنك إلغاؤه في أي وقت.
calendar-feed-created = هذا عنوان الاشتراك، يظهر مرة واحدة فقط:
calendar-feed-revoked = ملغى
calendar-feed-new = عنوان اشتراك جديد

error-invalid_range = مدة غير صالحة (400 يوم على الأكثر).

action-record-outcome = تسجيل توصيات الورشة

participations-title = المشاركات
participation-scope-national = وطنية
participation-scope-international = دولية
participation-when = التاريخ والمكان
participation-people = المشاركون
participation-people-numbers = أعضاء آخرون بأرقام عضويتهم (تفصل بينها فاصلة)
confirm-delete-participation = حذف هذه المشاركة وتقريرها؟
action-add-participation = تسجيل مشاركة
field-event = الحدث
field-organizer = الجهة المنظمة
field-scope = الطابع
field-country = البلد
field-people = المشاركون
field-report = التقرير
field-report-file = وثيقة التقرير
field-event_title = الحدث

action-join-workshop = التسجيل في هذه الورشة
action-leave-workshop = الانسحاب من الورشة
workshop-joined = { $gender ->
    [female] أنت مسجلة في هذه الورشة.
    [male] أنت مسجل في هذه الورشة.
   *[other] أنت مسجل(ة) في هذه الورشة.
}

guest-speaker = متدخل(ة)
guest-speaker-as = { $gender ->
    [female] متدخلة
    [male] متدخل
   *[other] متدخل(ة)
}
gender-unknown = غير محدد
session-speakers = المتدخلون

action-remove-agenda-item = حذف النقطة

action-delete = حذف
error-participation_heard = استمع اجتماع إلى تقرير هذه المشاركة؛ تبقى في السجل.

## Changing a session, its slots and workshops
nav-back-to-session = العودة إلى الدورة
action-remove = إزالة
session-delete = حذف الدورة
session-delete-help = يُحذف برنامج الدورة وورشاتها، وتبقى اللقاءات الموازية خارجها. لا تُحذف دورة كُلّف فيها أحد بورقة عمل.
confirm-delete-session = حذف هذه الدورة وبرنامجها وورشاتها؟ لا يمكن التراجع عن ذلك.
confirm-delete-slot = حذف هذه الفقرة من البرنامج؟
action-delete-slot = حذف الفقرة
workshop-edit = تعديل الورشة والمكلفين بها
workshop-people = المسيرون والمقررون والمشاركون
workshop-people-empty = لم يُعيَّن أحد بعد في هذه الورشة. اختر أدناه مسيرًا ومقررًا من أعضاء المجلس.
workshop-add-person = تعيين عضو في الورشة
workshop-details = معطيات الورشة
confirm-delete-workshop = حذف هذه الورشة؟ يغادرها أعضاؤها وتبقى فقراتها في البرنامج بلا ورشة.
action-delete-workshop = حذف الورشة
workshop-role-facilitator = مسير
workshop-role-rapporteur = مقرر
workshop-role-participant = مشارك
picker-search = ابحث بالاسم أو برقم العضوية
picker-none = لا أحد يطابق هذا البحث.
picker-no-candidates = لا أعضاء حاليين في هذه الهيئة يمكن اختيارهم.
error-number_taken = هذا الرقم مستعمل لدورة أخرى لنفس المجلس.
error-slots_outside_days = بعض فقرات البرنامج تقع خارج هذه الأيام: عدّلها أولًا.
error-session_has_papers = لا يمكن حذف دورة كُلّف فيها أعضاء بأوراق عمل.
error-workshop_has_papers = لا يمكن حذف ورشة لها أوراق عمل.
error-capacity_below_signed = عدد المسجلين في الورشة يفوق هذه الطاقة.
paper-assignee-others = أعضاء من خارج المجلس (أرقام العضوية، تفصل بينها فاصلة)

## Meeting page sections
meeting-sections = أقسام الاجتماع
meeting-summary = ملخص
meeting-documents = الوثائق
minutes-open-to-write = فتح المحضر وتحريره
minutes-read = قراءة المحضر
minutes-document-title-short = محضر { $meeting }
document-page = صفحة { $page } من { $total }
field-brand_color = لون التنظيم
settings-brand-default = لون مجلس (الأخضر)
settings-brand-pick = اختر لونا
settings-brand-hint = يظهر في الرأسية والأزرار؛ يجب أن يكون داكنا بما يكفي ليُقرأ النص الأبيض عليه.
settings-logo = الشعار
settings-logo-current = الشعار الحالي
settings-logo-none = لا شعار: يظهر الحرف الأول من اسم التنظيم.
settings-logo-upload = صورة الشعار
settings-logo-hint = ⁦PNG⁩ أو ⁦JPEG⁩ أو ⁦WebP⁩، حتى { $size } كيلوبايت.
settings-logo-save = حفظ الشعار
settings-logo-remove = إزالة الشعار
settings-logo-remove-confirm = إزالة الشعار والعودة إلى الحرف الأول من الاسم؟

## Campaigns
field-body = الهيئة
board-region = الجهة
board-submitted-at = تاريخ الإيداع
board-days-late = أيام التأخر
board-meeting-held = انعقد الاجتماع المطلوب
board-status-not_started = لم يبدأ
board-status-draft = مسودة
board-status-submitted_on_time = أودع في الأجل
board-status-submitted_late = أودع متأخرا
board-status-returned = أعيد للمراجعة
board-status-accepted = مقبول
board-status-missing = لم يودع بعد الأجل
report-state-draft = مسودة
report-state-submitted = مودع
report-state-returned = أعيد للمراجعة
report-state-accepted = مقبول
answer-yes = نعم
answer-no = لا
error-not_a_target = هذه الهيئة ليست من الهيئات المعنية بهذه الحملة.
error-campaign_not_running = الحملة ليست جارية: لا يمكن الإيداع.
error-report_locked = التقرير مودع: لا يمكن تعديله إلا إذا أعيد للمراجعة.
error-already_submitted = التقرير مودع من قبل.
error-no_report_required = هذه الحملة لا تطلب تقريرا.
error-nothing_required = حدد ما يجب على الهيئات القيام به: اجتماع أو تقرير.
error-unknown_template = نموذج التقرير غير موجود.
error-unknown_body = هيئة غير موجودة.
error-unknown_decision = مقرر غير موجود.
error-not_this_body = هذا الاجتماع ليس اجتماع هذه الهيئة.
error-out_of_range = القيمة خارج المجال المسموح به.
error-not_an_integer = أدخل عددا صحيحا.
error-not_a_number = أدخل عددا.
error-one_choice = اختر جوابا واحدا.
error-invalid_table = الجدول غير صالح.
error-too_many_rows = عدد أسطر الجدول يفوق المسموح به.
error-unknown_field = خانة غير موجودة في النموذج.
error-invalid_key = مفتاح غير صالح: حروف لاتينية صغيرة وأرقام و«_».
error-duplicate_key = مفتاح مكرر.
error-invalid_label = عنوان غير صالح.
error-bad_range = الحدان غير متناسقين.
error-bad_options = الاختيارات غير صالحة (اثنان على الأقل، مفاتيح فريدة).
error-bad_columns = أعمدة الجدول غير صالحة.
error-invalid_template = النموذج غير صالح.
error-too_many = العدد يفوق المسموح به.
error-invalid_text = نص غير صالح.
campaigns-title = الحملات
nav-campaigns = الحملات
campaign-state-draft = مسودة
campaign-state-launched = جارية
campaign-state-closed = مغلقة
campaign-issuer = الهيئة المصدرة
campaign-targets = الهيئات المعنية
campaign-summary = الحصيلة
campaign-board = لوحة التتبع
campaign-reports-in = التقارير المودعة
campaign-median-late = وسيط أيام التأخر
campaign-board-csv = تحميل اللوحة (⁦CSV⁩)
campaign-reports-csv = تحميل كل الأجوبة (⁦CSV⁩)
campaign-all = الكل
campaign-filter = تصفية
campaign-due-grace = { $date } (مع مهلة { $days })
board-no-region = خارج الجهات
board-late-days = { $category ->
    [zero] بلا تأخر
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يوما
   *[other] { $count } يوم
}
empty-campaigns = لا حملة تعنيك بعد.
empty-board = لا هيئة في هذه اللوحة.
report-range = بين { $min } و{ $max }.
report-range-min = { $min } على الأقل.
report-range-max = { $max } على الأكثر.
report-meeting = الاجتماع الذي قيّم
report-no-meeting = — لا اجتماع مرتبط —
report-no-meeting-yet = لم تعقد هذه الهيئة بعد اجتماعا من النوع المطلوب.
report-form-help = احفظ المسودة كلما تقدمت؛ وأرسل التقرير حين تملأ كل الخانات الإلزامية (*). التقرير المرسل مقفل إلا إذا أُرجع.
report-returned-with = أُرجع التقرير مع هذه الملاحظة:
report-save-draft = حفظ المسودة
report-saved = حُفظت المسودة.
report-submit = إرسال التقرير
report-submit-confirm = إرسال التقرير؟ سيُقفل ويصل إلى الهيئة المُصدِرة.
report-answers = أجوبة التقرير
report-add-note = إضافة ملاحظة على هذا الجواب
report-note-on = ملاحظة على
report-review-comment = ملاحظة عامة (لازمة لإرجاع التقرير ما لم تترك ملاحظات على الأجوبة)
report-accept = قبول التقرير
report-accept-confirm = قبول هذا التقرير؟ سيبقى مقفلا.
report-return = إرجاع للمراجعة
report-history = السجل
report-event-save = حُفظت المسودة
report-event-submitted = أُرسل
report-event-returned = أُرجع للمراجعة
report-event-accepted = قُبل
report-submitted-on-time = { $date }، في الأجل
report-submitted-late = { $date }، بتأخر { $days }
board-open-report = فتح التقرير
campaign-our-report = تقريرنا
report-template = التقرير
synthesis-title = التقرير التركيبي
synthesis-open = فتح التقرير التركيبي
synthesis-all = كل التقارير
synthesis-counted = { $reports } تقريرا محتسبا من أصل { $targets } هيئة
synthesis-reports = التقارير المحتسبة
synthesis-figures = الأرقام
synthesis-empty = لم يودع أي تقرير بعد: تظهر الأرقام مع أول تقرير.
synthesis-count = التقارير
synthesis-sum = المجموع
synthesis-mean = المتوسط
synthesis-median = الوسيط
synthesis-min = الأدنى
synthesis-max = الأعلى
synthesis-group = الفئة
synthesis-field = السؤال
synthesis-option = الجواب
synthesis-share = النسبة
synthesis-answered = { $category ->
    [zero] لم يجب أي تقرير
    [one] أجاب تقرير واحد
    [two] أجاب تقريران
    [few] أجابت { $count } تقارير
    [many] أجاب { $count } تقريرا
   *[other] أجاب { $count } تقرير
}
synthesis-by-body = جواب كل هيئة
synthesis-no-text = لم تكتب أي هيئة في هذا المحور بعد.
synthesis-stragglers = الهيئات المتأخرة أو الغائبة
synthesis-late = أودعت متأخرة
synthesis-missing = لم تودع
synthesis-csv = تحميل الأرقام (⁦CSV⁩)
synthesis-analysis = تحليل الهيئة المُصدِرة
synthesis-analysis-label = التحليل
synthesis-analysis-hint = يُكتب فوق الأرقام المولّدة؛ كل حفظ يُحتفظ به نسخةً جديدة مع أرقام تلك اللحظة.
synthesis-save = حفظ كنسخة جديدة
synthesis-approve = المصادقة على هذه النسخة
synthesis-approve-confirm = المصادقة على هذه النسخة من التقرير التركيبي؟ ستُقفل، وأي تعديل لاحق ينشئ نسخة جديدة.
synthesis-agenda-item = يُدرس في (نقطة من جدول الأعمال)
synthesis-no-agenda-item = — بدون نقطة —
synthesis-no-analysis = لم يُكتب أي تحليل بعد.
synthesis-versions = النسخ
synthesis-version-line = النسخة { $number }، حفظها { $name } يوم { $date }
synthesis-approved-by = صادق { $name } على النسخة { $number } يوم { $date }
error-nothing_to_approve = احفظ التحليل قبل المصادقة.
error-already_approved = هذه النسخة مصادق عليها: أي تعديل ينشئ نسخة جديدة.
mail-campaign-subject = تذكير: «{ $title }» — آخر أجل { $due }
mail-campaign-before-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    نذكركم بأن { $body } مطالبة في إطار «{ $title }» بعقد اجتماعها وإرسال تقريرها في أجل أقصاه { $due }. وضعية التقرير حاليا: { $status }.
    
    يمكنكم ملء التقرير وإرساله من هنا:
    { $link }
mail-campaign-due-day-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    اليوم { $due } هو آخر أجل لإرسال تقرير { $body } في إطار «{ $title }». وضعية التقرير حاليا: { $status }.
    
    { $link }
mail-campaign-overdue-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    انقضى أجل { $due } ولم يصل بعد تقرير { $body } في إطار «{ $title }» (التأخر: { $days }؛ الوضعية: { $status }). المرجو إرساله في أقرب الآجال.
    
    { $link }
mail-campaign-manual-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    تذكركم الهيئة المُصدِرة بأن تقرير { $body } في إطار «{ $title }» لم يصل بعد (الأجل: { $due }؛ الوضعية: { $status }).
    
    { $link }
mail-campaign-escalation-subject = هيئات متأخرة في «{ $title }»: { $count }
mail-campaign-escalation-text =
    { $gender ->
        [female] السيدة
        [male] السيد
       *[other] السيد(ة)
    } { $name }،
    
    انقضى أجل { $due } في إطار «{ $title }»، ولم تصل بعد تقارير هذه الهيئات التابعة لـ{ $body }:
    
    { $bodies }
    
    المرجو مواكبتها. لوحة التتبع:
    { $link }
campaign-remind = تذكير المتأخرين
campaign-remind-confirm = إرسال تذكير الآن إلى رئيس وكاتب كل هيئة لم ترسل تقريرها بعد؟
campaign-reminded = التذكيرات في طريقها إلى الهيئات التي لم ترسل تقاريرها بعد.
home-reports = تقارير يجب إرسالها
body-campaign-issued = صادرة عن هذه الهيئة
campaign-board-xlsx = تحميل اللوحة (⁦Excel⁩)
synthesis-docx = تحميل بصيغة ⁦Word⁩ (⁦DOCX⁩)
calendar-deadline = آخر أجل: { $title }
error-target_has_report = سبق لهذه الهيئة أن كتبت تقريرا في إطار هذه الحملة: تبقى ضمن الهيئات المعنية.
plans-title = خطط العمل
nav-plans = الخطط
empty-plans = لا توجد خطة عمل بعد. يكتبها مسؤولو الهيئة من هنا.
plan-progress = نسبة الإنجاز
plan-new = خطة عمل جديدة
plan-owner = الهيئة المسؤولة عن الخطة
plan-create = إنشاء الخطة
plan-done = منجز
plan-decisions = المقررات التي تفعّلها
plan-objectives = الأهداف
empty-objectives = لا هدف بعد: أضف أول هدف أسفله.
plan-target = المستهدف
empty-tasks = لا مهمة بعد.
plan-in-charge = المكلف
plan-from-campaign = تقدم الحملة
plan-update-task = تسجيل التقدم
plan-note = ما أنجز
plan-add-task = إضافة مهمة
plan-weight = الوزن
plan-add-objective = إضافة هدف
plan-target-value = القيمة المستهدفة
plan-unit = الوحدة
plan-target-date = التاريخ المستهدف
plan-timeline = السجل
task-status-todo = للإنجاز
task-status-in_progress = قيد الإنجاز
task-status-blocked = متعثرة
task-status-done = منجزة
plan-update-create = أنشئت الخطة
plan-update-add_objective = أضيف هدف
plan-update-add_task = أضيفت مهمة
plan-update-update_task = حُيّنت مهمة
plan-pdf-tasks = المهام
plan-pdf-progress = الإنجاز
error-unknown_person = الشخص غير موجود.
error-unknown_campaign = الحملة غير موجودة.
error-invalid_id = معرّف غير صالح.
campaign-new = حملة جديدة
campaign-create = حفظ كمسودة
campaign-draft-help = تُحفظ الحملة مسودةً: تُثبَّت الهيئات المعنية حين تطلقها من صفحتها.
campaign-grace-days = مهلة إضافية (بالأيام)
campaign-meeting-kind = الاجتماع الذي تعقده كل هيئة
campaign-no-meeting = — لا اجتماع مطلوب —
campaign-template = نموذج التقرير
campaign-no-report = — لا تقرير مطلوب —
campaign-target-kinds = الهيئات المعنية (حسب النوع)
campaign-within = داخل
campaign-everywhere = كل التنظيم
campaign-launch = إطلاق الحملة
campaign-launch-confirm = إطلاق الحملة؟ تُثبَّت الهيئات المعنية وتُبرمج التذكيرات.
campaign-close = إغلاق الحملة
campaign-close-confirm = إغلاق الحملة؟ لن يمكن بعدها إرسال أي تقرير.

## Evidence: files attached to reports and plan tasks
evidence-title = الملفات المرفقة
evidence-none = لا ملفات مرفقة بعد.
evidence-add = إرفاق ملف
evidence-hint = ورقة الحضور، جدول النتائج، صور أو وثائق: ⁦PDF⁩ أو ⁦Word⁩ أو ⁦ODT⁩ أو صورة ⁦JPEG⁩/⁦PNG⁩ أو جدول ⁦XLSX⁩/⁦ODS⁩، حتى 20 ملفا.
evidence-remove = حذف
evidence-remove-confirm = حذف هذا الملف؟
evidence-save-first = احفظ المسودة أولا لتتمكن من إرفاق الملفات.
report-event-attach = أُرفق ملف
report-event-detach = حُذف ملف
plan-update-add_evidence = أُرفق إثبات
plan-update-remove_evidence = حُذف إثبات
error-evidence_type = نوع الملف غير مقبول: ⁦PDF⁩ أو ⁦DOCX⁩ أو ⁦ODT⁩ أو ⁦Markdown⁩ أو صورة ⁦JPEG⁩/⁦PNG⁩ أو جدول ⁦XLSX⁩/⁦ODS⁩ (يتحقق من المحتوى لا من الاسم).
error-too_many_files = بلغ عدد الملفات المرفقة الحد الأقصى (20).

## Campaigns as measures asked of a body
measures-asked = تدابير مطلوبة من الهيئة
measure-from = صادرة عن
measure-hold-meeting = عقد { $kind }
measure-send-report = إرسال التقرير
decisions-of-body = مقررات الهيئة وتدابيرها

## Report templates designer
templates-title = نماذج التقارير
templates-new = نموذج جديد
templates-edit = تعديل النموذج
templates-intro = النموذج يحدد ما تملؤه كل هيئة في تقريرها: حقول بأرقام أو اختيارات أو جداول، وأقسام نصية. الحملة تثبّت نسخة النموذج عند إطلاقها، وكل تعديل ينشئ نسخة جديدة لا تمس الحملات الجارية.
templates-empty = لا نموذج بعد.
templates-version = النسخة
templates-parts = المحتوى
templates-saved = حُفظت في
templates-fields = { $category ->
    [zero] بلا حقول
    [one] حقل واحد
    [two] حقلان
    [few] { $count } حقول
    [many] { $count } حقلا
   *[other] { $count } حقل
}
templates-sections = { $category ->
    [zero] بلا أقسام
    [one] قسم واحد
    [two] قسمان
    [few] { $count } أقسام
    [many] { $count } قسما
   *[other] { $count } قسم
}
templates-max-chars = { $category ->
    [zero] بلا حروف
    [one] حرف واحد على الأكثر
    [two] حرفان على الأكثر
    [few] { $count } أحرف على الأكثر
    [many] { $count } حرفا على الأكثر
   *[other] { $count } حرف على الأكثر
}
templates-older-version = هذه نسخة سابقة من النموذج؛ التعديل ينطلق من آخر نسخة.
templates-edit-help = الحفظ ينشئ نسخة جديدة من النموذج؛ الحملات التي أُطلقت بنسخة سابقة تحتفظ بها كما هي.
templates-fields-title = الحقول
templates-no-fields = لا حقول في هذا النموذج.
templates-label = العنوان
templates-kind = النوع
templates-rules = القواعد
templates-required = إجباري
templates-sections-title = الأقسام النصية
templates-no-sections = لا أقسام نصية في هذا النموذج.
templates-versions = النسخ والحملات التي تستعملها
templates-unused = لا تستعملها أي حملة
templates-name = اسم النموذج
templates-key = المعرّف
templates-key-help = اختياري: حروف لاتينية صغيرة وأرقام و«-» و«_»، مثل ⁦elections-2016⁩. يُنشأ تلقائيا إن تُرك فارغا.
templates-fields-help = كل حقل جواب قصير: عدد، نسبة، اختيار، تاريخ، نعم/لا، نص قصير أو جدول. الحقل الذي يُترك عنوانه فارغا لا يُحفظ.
templates-field = الحقل
templates-min = أصغر قيمة
templates-max = أكبر قيمة
templates-max-len = أقصى عدد من الحروف
templates-lines = الاختيارات أو أعمدة الجدول
templates-lines-help = سطر لكل اختيار أو عمود. يمكن كتابة معرّف قبل النقطتين: ⁦money⁩: قلة الموارد.
templates-help = توضيح لمن يملأ التقرير
templates-part-key = المعرّف
templates-order = الترتيب
templates-remove = حذف
templates-add-field = إضافة حقل
templates-sections-help = الأقسام نصوص تكتبها الهيئة: التقييم، الدروس، المقترحات… مع توجيه يوضح ما ينتظر منها.
templates-section = القسم
templates-guidance = التوجيه
templates-add-section = إضافة قسم
templates-create = إنشاء النموذج
templates-save-version = حفظ نسخة جديدة
template-kind-integer = عدد صحيح
template-kind-decimal = عدد عشري
template-kind-percentage = نسبة مئوية
template-kind-choice = اختيار واحد
template-kind-multiple = اختيارات متعددة
template-kind-date = تاريخ
template-kind-yes_no = نعم / لا
template-kind-short_text = نص قصير
template-kind-table = جدول
error-invalid_number = اكتب عددا بالأرقام.
error-key_taken = هذا المعرّف مستعمل من قبل لنموذج آخر.

## Communiqués (secretariat)
nav-communiques = البلاغات
communiques-title = البلاغات
communiques-intro = البلاغات الصحفية للهيئات: تُحرر انطلاقا من محضر الاجتماع أو من جديد، تُراجع، يصادق عليها رئيس الهيئة أو كاتبها، ثم تُنشر في الموقع العمومي.
communiques-empty = لا بلاغ بعد. افتح اجتماعا منعقدا واختر «تحرير بلاغ».
communiques-public-site = الموقع العمومي
communique-date = التاريخ
communique-state-draft = مسودة
communique-state-in_review = قيد المراجعة
communique-state-approved = مصادق عليه
communique-state-scheduled = مبرمج للنشر
communique-state-published = منشور
communique-state-corrected = منشور مع تصحيح
communique-state-withdrawn = مسحوب
communique-draft-title = مسودة بلاغ من محضر الاجتماع
communique-draft-help = نص مولَّد من سجل الاجتماع: جدول الأعمال، المقررات والتدابير، الآجال والحملات، الدورات المقبلة وورشاتها، اللقاءات الموضوعاتية. كل جملة تحيل على السجلات التي أُخذت منها. أنشئ البلاغ ثم عدّله قبل المراجعة.
communique-draft-create = إنشاء البلاغ وترجمته الفرنسية
draft-source-meeting = الاجتماع
draft-source-agenda = جدول الأعمال
draft-source-decision = المقررات والتدابير
draft-source-campaign = الحملة
draft-source-session = الدورة
draft-source-workshop = الورشة
draft-source-thematic = اللقاء الموضوعاتي
draft-source-reports = التقارير المستمع إليها
communique-edit = تعديل البلاغ
communique-correct = تصحيح البلاغ
communique-public-page = الصفحة العمومية
communique-lang = اللغة
communique-meeting = الاجتماع
communique-meeting-link = محضر الاجتماع
communique-published = نُشر في
communique-corrected = صُحح في
communique-withdrawn = سُحب في
communique-tags = الوسوم
communique-translations = الترجمات
communique-action-submit = إرسال للمراجعة
communique-action-reject = إرجاع للتحرير
communique-action-approve = المصادقة
communique-action-publish = النشر الآن
communique-action-schedule = برمجة النشر
communique-action-unschedule = إلغاء البرمجة
communique-action-withdraw = سحب البلاغ
communique-approve-confirm = المصادقة على هذا البلاغ باسم الهيئة؟
communique-publish-confirm = نشر هذا البلاغ في الموقع العمومي الآن؟
communique-withdraw-confirm = سحب هذا البلاغ؟ ستبقى صفحته تشير إلى سحبه.
communique-publish-at = تاريخ ووقت النشر
communique-withdraw-note = سبب السحب (يظهر للعموم)
communique-history = السجل
communique-text-then = النص في حينه
communique-back = البلاغ
communique-erratum-help = هذا البلاغ منشور: كل تعديل يُسجل كتصحيح، يظهر للعموم مع سببه، ويبقى النص السابق محفوظا في السجل.
communique-slug = عنوان الصفحة (في الرابط)
communique-text = النص
communique-text-help = فقرات مفصولة بسطر فارغ؛ يمكن استعمال ⁦Markdown⁩ للعناوين والقوائم.
communique-erratum-note = ما الذي صُحح؟
communique-save-erratum = حفظ التصحيح
communique-event-create = أُنشئ
communique-event-edit = عُدّل
communique-event-before_correction = النص قبل التصحيح
communique-event-correct = صُحح
communique-event-in_review = أُرسل للمراجعة
communique-event-draft = أُرجع للتحرير
communique-event-approved = صودق عليه
communique-event-scheduled = بُرمج نشره
communique-event-published = نُشر
communique-event-withdrawn = سُحب
communique-event-corrected = صُحح
error-communique_locked = لا يمكن تعديل بلاغ مصادق عليه قبل نشره؛ ألغِ البرمجة أو انشره ثم صححه.
error-in_the_past = اختر تاريخا ووقتا في المستقبل.
error-invalid_slug = عنوان الصفحة غير صالح.

## Public site
public-communiques = البلاغات
public-latest = آخر البلاغات
public-description = البلاغات والمواقف الرسمية.
public-feed = الخلاصة
public-members = فضاء المناضلين
public-empty = لا بلاغ منشور بعد.
public-withdrawn-tag = مسحوب
public-corrected-tag = مصحَّح
public-pages = الصفحات
public-newer = الأحدث
public-older = الأقدم
public-archive = الأرشيف
public-withdrawn = سُحب هذا البلاغ في
public-corrected = صُحح هذا البلاغ في

## Public comments
public-comments = { $category ->
    [zero] لا تعليقات
    [one] تعليق واحد
    [two] تعليقان
    [few] { $count } تعليقات
    [many] { $count } تعليقا
   *[other] { $count } تعليق
}
comment-write = اترك ردا
comment-reply = رد
comment-earlier = التعليقات السابقة
comment-later = التعليقات اللاحقة
comment-closed = التعليقات مغلقة.
comment-email-private = لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *
comment-name = الاسم
comment-email = البريد الإلكتروني
comment-text = التعليق
comment-leave-empty = اترك هذا الحقل فارغا
comment-send = إرسال التعليق
comment-sent = شكرا. تعليقك في انتظار المراجعة قبل نشره.
comment-back = العودة إلى البلاغ
comment-field-name = الاسم
comment-field-email = البريد الإلكتروني
comment-field-text = التعليق
comment-field-parent_id = الرد
error-too_fast = تحقق من تعليقك ثم أرسله من جديد.
error-duplicate_comment = هذا التعليق منشور من قبل تحت هذا البلاغ.
error-comments_closed = التعليقات مغلقة على هذا البلاغ.
error-rate_limited = تعليقات كثيرة في وقت قصير. حاول مجددا بعد { $wait }.
moderation-title = التعليقات في انتظار المراجعة
moderation-intro = تعليقات العموم على بلاغات هيئاتك لا تُنشر إلا بعد المصادقة عليها. عناوين البريد الإلكتروني لا تُحفظ ولا تظهر.
moderation-empty = لا تعليق في انتظار المراجعة.
moderation-flagged = يستحق الانتباه
moderation-approve = نشر المحدد
moderation-reject = رفض المحدد
moderation-spam = المحدد مزعج
moderation-select-all = تحديد الكل

## Moderators' notice
mail-comments-count = { $category ->
    [zero] لا تعليق
    [one] تعليق واحد
    [two] تعليقان
    [few] { $count } تعليقات
    [many] { $count } تعليقا
   *[other] { $count } تعليق
}
mail-comments-subject = { $count } في انتظار المراجعة
mail-comments-text =
    { $name }،
    
    { $count } في انتظار المراجعة تحت البلاغ «{ $title }».
    
    للمراجعة: { $link }
    
    لا يُحفظ عنوان البريد الإلكتروني لأصحاب التعليقات.
