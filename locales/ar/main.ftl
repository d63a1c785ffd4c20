# نصوص واجهة مرحبا: العربية.
app-name = مرحبا
nav-back = رجوع
nav-settings = الإعدادات
emergency-title = طوارئ
emergency-all = كل أرقام الطوارئ
emergency-intro = الاتصال بهذه الأرقام مجاني.
home-intro = بماذا تحتاج إلى مساعدة؟
service-count = { $count ->
    [zero] لا خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
   *[other] { $count } خدمة
}
category-choose = اختر موضوعًا
submenu-services = الخدمات
section-rights = الحقوق والواجبات
section-cost = التكلفة
section-location = المكان
section-internet = مصادر على الإنترنت
place-hours = ساعات العمل
place-address = العنوان
place-directions = الاتجاهات
place-web-map = الخريطة في المتصفح
place-call = اتصل بـ { $number }
no-places = لا يوجد مكتب للزيارة: يمكن الوصول إلى هذه الخدمة عبر الإنترنت أو الهاتف.
no-links = لا توجد مصادر على الإنترنت.
sources-title = مصدر هذه المعلومات
checked-on = آخر تحقق في { $date }
sample-badge = مثال
sample-notice = هذا الإدخال مثال. لم يتم التحقق من تفاصيله من مصدر رسمي بعد: تأكد منها قبل أن تعتمد عليها.
fallback-notice = تُعرض أجزاء من هذه الصفحة باللغة { $lang } لأنها لم تُترجم بعد.
also-in = مدرج أيضًا في
settings-language = اللغة
settings-content = دليل المدينة
settings-content-version = { $city }: إصدار المحتوى { $version }، بتاريخ { $date }
settings-privacy = لا يُنزّل التطبيق إلا تحديثات دليل المدينة، ولا يرسل أي شيء عنك. تبقى إعداداتك على هذا الجهاز.
settings-updates-check = البحث عن تحديثات
settings-updates-unmetered = عبر Wi-Fi أو الاتصالات غير المحدودة فقط
settings-updates-none = لا يحتوي هذا الإصدار من التطبيق على عنوان للتحديثات؛ يبقى الدليل كما ثُبّت.
settings-updates-waiting = بانتظار Wi-Fi أو اتصال غير محدود.
settings-updates-checking = جارٍ البحث عن تحديثات…
settings-updates-progress = جارٍ التنزيل: { $done } من { $total } كيلوبايت
settings-updates-current = الدليل محدَّث.
settings-updates-installed = حُدِّث الدليل إلى الإصدار { $version }.
settings-updates-unreachable = تعذّر الوصول إلى خادم التحديثات. يعمل الدليل دون اتصال كما كان.
settings-updates-not-confirmed = المحتوى بتاريخ { $date }؛ تعذّر التأكد من أنه الأحدث.
settings-updates-refused = رُفض تحديث لأنه تعذّر التحقق منه. لم يتغير الدليل.
settings-updates-failed = تعذّر تثبيت التحديث. لم يتغير الدليل.
not-found = هذه الصفحة غير موجودة.
go-home = اذهب إلى الصفحة الرئيسية
error-store = تعذرت قراءة دليل المدينة.
error-store-hint = أغلق التطبيق ثم افتحه من جديد. إذا تكرر ذلك، فاعرض هذه الشاشة على شخص يستطيع مساعدتك.
error-details = تفاصيل لمن يساعدك:
error-save = تعذّر حفظ اختيارك على هذا الجهاز.
search-placeholder = ابحث: خدمة، مكتب، حاجة
search-start = اكتب حرفين على الأقل، بأي لغة من لغات الدليل.
search-found-in = وُجد عبر { $lang }
search-empty = لم يُعثر على شيء لـ «{ $query }».
search-empty-hint = تحقق من الإملاء، أو جرّب كلمة أخرى، أو اختر موضوعًا:
distance-m = { $n } م
distance-km = { $n } كم
nav-nearby = بالقرب مني
nearby-title = بالقرب منك
nearby-home-card = ما القريب مني وما المفتوح الآن؟
nearby-position-device = موقعك (من هذا الجهاز)
nearby-position-fixed = موقعك (حُدِّد عند تشغيل التطبيق)
nearby-position-picked = اخترت: { $place }
nearby-position-map = اخترت نقطة على الخريطة
nearby-locating = جارٍ تحديد موقعك…
nearby-refused = خدمة الموقع مطفأة أو غير مسموح بها لهذا التطبيق. اختر مكانك بدلاً من ذلك:
nearby-no-fix = لم يصل أي موقع. اختر مكانك بدلاً من ذلك:
nearby-unavailable = لا يستطيع هذا الجهاز تحديد موقعه. اختر مكانك:
nearby-choose = اختر مكانك
nearby-use-device = استخدم موقعي
nearby-try-again = حاول مرة أخرى
nearby-districts = الأقضية
nearby-landmarks = أماكن معروفة
nearby-map-hint = أو المس الخريطة حيث أنت.
nearby-privacy = يبقى موقعك على هذا الجهاز ويُنسى عند إغلاق التطبيق.
nearby-outside = أنت خارج المدن التي يغطيها هذا الدليل. أقربها { $city }، على بعد { $distance }.
nearby-filter-category = الموضوع
nearby-filter-all = كل المواضيع
nearby-filter-open = مفتوح الآن
nearby-none = لا يوجد مكان مطابق. جرّب كل المواضيع أو ألغِ «مفتوح الآن».
nearby-map-label = خريطة الأماكن القريبة منك. تُظهر الحلقات المسافة.
nearby-you = أنت
walk-minutes = { $n } دقيقة مشياً
walk-hours = { $h } ساعة و{ $m } دقيقة مشياً
compass-n = شمالاً
compass-ne = شمال شرق
compass-e = شرقاً
compass-se = جنوب شرق
compass-s = جنوباً
compass-sw = جنوب غرب
compass-w = غرباً
compass-nw = شمال غرب
hours-always = مفتوح على مدار الساعة
hours-open-until = مفتوح الآن · يغلق الساعة { $time }
hours-opens-at = مغلق · يفتح { $day } الساعة { $time }
hours-closed = مغلق
hours-unknown = أوقات العمل غير مؤكدة: اسأل قبل الذهاب
hours-unreadable = الأوقات كما كُتبت: { $raw }
day-today = اليوم
day-tomorrow = غداً
weekday-1 = يوم الاثنين
weekday-2 = يوم الثلاثاء
weekday-3 = يوم الأربعاء
weekday-4 = يوم الخميس
weekday-5 = يوم الجمعة
weekday-6 = يوم السبت
weekday-7 = يوم الأحد
translation-unreviewed = لم يراجع هذه الترجمةَ بعدُ متحدثٌ أصلي باللغة العربية.
listen = استمع
listen-stop = أوقف القراءة
nav-home = مرحبا: الشاشة الرئيسية
nav-topics = المواضيع
date = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

# Sources, freshness, moved places, helplines and reporting a problem (issue 15)
helpline = خط المساعدة { $number }
helplines-title = خطوط المساعدة الوطنية
source-line = المصدر: { $title }، تمت قراءته في { $date }
source-line-undated = المصدر: { $title }
drafted-on = كُتب في { $date }؛ لم يُتحقق منه بعد
out-of-date = آخر تحقق في { $date }: قد تكون هذه المعلومات قديمة. تأكد منها قبل أن تعتمد عليها.
place-closed = مغلق منذ { $date }: لم تعد الخدمة تُقدَّم هنا.
place-moved = انتقلت: الخدمة الآن في { $place }.
report-problem = الإبلاغ عن مشكلة
report-problem-note = يفتح رسالة إلى محرري الدليل فيها اسم هذا الإدخال وإصدار الدليل واللغة. لا يُرسل شيء إلا إذا أرسلته أنت.
report-form-ask = يفتح هذا { $host } في متصفحك. يحمل عنوان الصفحة إلى المحررين: المدينة ({ $city })، وهذا الإدخال ({ $entry })، وإصدار الدليل ({ $version })، ولغتك ({ $lang }). سيرى ذلك الموقع وسجلّ متصفحك هذه المعلومات.
report-form-open = افتح النموذج
report-form-cancel = إلغاء

# The intake desk: two languages side by side, first-steps paths and the slip (issue 16)
intake-title = مكتب الاستقبال
intake-hint = يعرض كل صفحة بلغتين معًا: لغتك ولغة المستفيد. لا يُحفظ أي شيء عن المستفيد: لا اسم، ولا رقم ملف، ولا قائمة بما اطّلعت عليه.
intake-start = ابدأ وضع الاستقبال
intake-on = وضع الاستقبال
intake-client = لغة المستفيد
intake-large-text = خط كبير
intake-next = المستفيد التالي
intake-leave = اخرج من وضع الاستقبال
intake-cleared = تم المسح: جاهز للمستفيد التالي.
intake-leave-ask = الخروج من وضع الاستقبال؟ سيُمسح كل ما يخص هذه الزيارة.
intake-stay = البقاء
intake-add = أضف إلى الورقة
intake-added = في الورقة
intake-open-slip = { $count ->
    [zero] الورقة: لا خدمات
    [one] الورقة: خدمة واحدة
    [two] الورقة: خدمتان
    [few] الورقة: { $count } خدمات
   *[other] الورقة: { $count } خدمة
}
paths-title = الخطوات الأولى
paths-intro = قوائم لحالات شائعة، خطوة بخطوة.
path-steps = { $count ->
    [zero] لا خطوات
    [one] خطوة واحدة
    [two] خطوتان
    [few] { $count } خطوات
   *[other] { $count } خطوة
}
path-bring = أحضر معك
path-done = تم
path-ticks-local = تبقى علاماتك على هذا الجهاز ولا تُرسل أبدًا.
path-ticks-intake = في وضع الاستقبال لا تُحفظ العلامات: تُمسح من أجل المستفيد التالي.
path-slip = اصنع ورقة من هذه الخطوات
slip-compose-title = ورقة يأخذها معه إلى البيت
slip-compose-hint = صفحة واحدة بلغة المستفيد وبجانبها لغة المدينة: أين يذهب، وماذا يُحضر معه، وساعات العمل، والهاتف، ورمز للمسح.
slip-empty = لم تُختر أي خدمة بعد: افتح خدمة واضغط «أضف إلى الورقة».
slip-too-many = لا تتسع الصفحة الواحدة لأكثر من { $count }: احذف بعض الخدمات.
slip-remove = احذف
slip-preview = معاينة الورقة
slip-save-pdf = احفظ بصيغة PDF
slip-save-png = احفظ كصورة
slip-share = شارك
slip-open = افتح للطباعة
slip-saved = حُفظت باسم { $file }
slip-failed = تعذّر إنشاء الورقة.
slip-title = إلى أين تذهب في { $city }
slip-bring = أحضر معك
slip-phone = الهاتف
slip-sample = مثال لم يراجعه محرر بعد: تأكد منه قبل أن تذهب.
slip-as-of = دليل مدينة مرحبا، المعلومات بتاريخ { $date }
slip-scan-map = امسح الرمز لترى المكان على الخريطة
slip-scan-web = امسح الرمز لتفتح الصفحة الرسمية على الإنترنت
courses-title = الدورات
courses-intro = تدريب للمستشارين والموظفين والمدرّبين الذين يساعدون القادمين الجدد. يعمل دون اتصال، ويبقى تقدّمك على هذا الجهاز.
course-length = { $lessons ->
    [zero] لا دروس
    [one] درس واحد
    [two] درسان
    [few] { $lessons } دروس
    [many] { $lessons } درسًا
   *[other] { $lessons } درس
}، { $questions ->
    [zero] لا أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $questions } أسئلة
    [many] { $questions } سؤالًا
   *[other] { $questions } سؤال
} · حوالي { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}
course-progress = الدروس المنجزة: { $done } من { $lessons }
course-progress-local = يبقى تقدّمك على هذا الجهاز ولا يُرسل أبدًا.
course-start = ابدأ الدورة
course-continue = تابع
course-lessons = الدروس
course-sources = المصادر
course-certificate = اكتملت الدورة: شهادتك
course-not-complete = لم تكتمل هذه الدورة بعد: ما زالت فيها دروس لم تُنجز.
lesson-minutes = حوالي { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}
lesson-new = لم تبدأه بعد
lesson-started = بدأته
lesson-done = تم: الإجابات الصحيحة من المحاولة الأولى { $right } من { $of }، { $date }
lesson-changed = تغيّرت الأسئلة منذ أنهيت الدرس في { $date } ({ $right } من { $of }): أجب عنها من جديد
lesson-where = موضعك في هذا الدرس
lesson-card = البطاقة { $n } من { $count }
lesson-question = السؤال { $n } من { $count }
lesson-back = رجوع
lesson-next = التالي
lesson-to-questions = إلى الأسئلة
lesson-pick-one = اختر إجابة واحدة.
lesson-pick-all = اختر كل الإجابات الصحيحة.
lesson-true = صحيح
lesson-false = خطأ
lesson-check = تحقّق
lesson-right = إجابة صحيحة!
lesson-wrong = ليست صحيحة تمامًا.
lesson-try-again = حاول مرة أخرى
lesson-read-guide = في الدليل:
lesson-score-so-far = حتى الآن: الإجابات الصحيحة من المحاولة الأولى { $right } من { $of }
lesson-see-score = اعرض نتيجتك
lesson-end = انتهى الدرس
lesson-retake = أجب عن الأسئلة من جديد
lesson-next-lesson = الدرس التالي
lesson-back-to-course = عودة إلى الدورة
certificate-heading = شهادة إتمام
certificate-completed = تاريخ الإتمام: { $date }
certificate-score = النتيجة: الإجابات الصحيحة من المحاولة الأولى { $right } من { $of }
certificate-footer = دليل مدينة مرحبا، { $city }.
certificate-sample = دورة مثال: لم يراجعها محرر بعد.
certificate-name = الاسم على الشهادة (اختياري؛ لا يُحفظ)
xapi-title = ملف التقدّم للمدرّب
xapi-intro = يحفظ نتائجك في ملف xAPI لمدرّب يستخدم Moodle أو مخزنًا لسجلات التعلّم. لا يرسل التطبيق شيئًا: أنت تختار لمن تعطي الملف.
xapi-who = اسمك أو بريدك الإلكتروني للمدرّب (اختياري؛ لا يُحفظ)
xapi-save = احفظ ملف التقدّم
quick-exit = خروج سريع
neutral-continue = متابعة
