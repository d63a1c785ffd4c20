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
settings-privacy = لا يرسل هذا التطبيق أي شيء عنك إلى أي مكان. تبقى إعداداتك على هذا الجهاز.
not-found = هذه الصفحة غير موجودة.
go-home = اذهب إلى الصفحة الرئيسية
error-store = تعذرت قراءة دليل المدينة.
search-placeholder = ابحث: خدمة، مكتب، حاجة
search-start = اكتب حرفين على الأقل. يمكنك الكتابة بالعربية أو التركية أو الإنجليزية.
search-found-in = وُجد عبر { $lang }
search-empty = لم يُعثر على شيء لـ «{ $query }».
search-empty-hint = تحقق من الإملاء، أو جرّب كلمة أخرى، أو اختر موضوعًا:
