# Merhaba UI strings: Ukrainian. Machine-assisted translation, not yet reviewed by a native speaker.
app-name = Merhaba
nav-back = Назад
nav-settings = Налаштування
emergency-title = Екстрена допомога
emergency-all = Усі екстрені номери
emergency-intro = Дзвінки на ці номери безкоштовні.
home-intro = З чим вам потрібна допомога?
service-count = { $count ->
    [one] { $count } послуга
    [few] { $count } послуги
    [many] { $count } послуг
   *[other] { $count } послуги
}
category-choose = Виберіть тему
submenu-services = Послуги
section-rights = Права та обов’язки
section-cost = Вартість
section-location = Де це
section-internet = Ресурси в інтернеті
place-hours = Години роботи
place-address = Адреса
place-directions = Як дістатися
place-web-map = Карта в браузері
place-call = Зателефонувати { $number }
no-places = Офісу для відвідування немає: ця послуга доступна онлайн або телефоном.
no-links = Ресурсів в інтернеті не вказано.
sources-title = Звідки ці відомості
checked-on = Востаннє перевірено { $date }
sample-badge = Зразок
sample-notice = Це запис-зразок. Його дані ще не перевірені за офіційним джерелом: перевірте їх, перш ніж щось робити.
fallback-notice = Частину цієї сторінки показано мовою { $lang }, бо її ще не перекладено.
also-in = Також у розділах
settings-language = Мова
settings-content = Довідник міста
settings-content-version = { $city }: версія змісту { $version }, станом на { $date }
settings-privacy = Застосунок завантажує лише оновлення довідника міста і нічого не надсилає про вас. Ваші налаштування залишаються на цьому пристрої.
settings-updates-check = Перевірити оновлення
settings-updates-unmetered = Лише через Wi-Fi або інше безлімітне з’єднання
settings-updates-none = Ця версія застосунку не має адреси для оновлень; довідник залишається таким, яким його встановили.
settings-updates-waiting = Очікування Wi-Fi або іншого безлімітного з’єднання.
settings-updates-checking = Перевірка оновлень…
settings-updates-progress = Завантаження: { $done } з { $total } КБ
settings-updates-current = Довідник актуальний.
settings-updates-installed = Довідник оновлено до версії { $version }.
settings-updates-unreachable = Не вдалося зв’язатися із сервером оновлень. Довідник працює без інтернету, як і раніше.
settings-updates-not-confirmed = Зміст станом на { $date }; не вдалося підтвердити, що він актуальний.
settings-updates-refused = Оновлення відхилено, бо його не вдалося перевірити. Довідник не змінився.
settings-updates-failed = Не вдалося встановити оновлення. Довідник не змінився.
not-found = Такої сторінки немає.
go-home = На головний екран
error-store = Не вдалося прочитати довідник міста.
error-store-hint = Закрийте застосунок і відкрийте його знову. Якщо це повторюється, покажіть цей екран людині, яка може вам допомогти.
error-details = Подробиці для людини, яка вам допомагає:
error-save = Не вдалося зберегти ваш вибір на цьому пристрої.
search-placeholder = Пошук: послуга, установа, потреба
search-start = Введіть щонайменше дві літери будь-якою мовою довідника.
search-found-in = Знайдено мовою { $lang }
search-empty = За запитом «{ $query }» нічого не знайдено.
search-empty-hint = Перевірте написання, спробуйте інше слово або виберіть тему:
distance-m = { $n } м
distance-km = { $n } км
nav-nearby = Поруч
nearby-title = Поруч із вами
nearby-home-card = Що поруч зі мною і працює зараз?
nearby-position-device = Ваше місцеперебування (з цього пристрою)
nearby-position-fixed = Ваше місцеперебування (задане під час запуску застосунку)
nearby-position-picked = Ви вибрали: { $place }
nearby-position-map = Ви вибрали точку на карті
nearby-locating = Визначаємо ваше місцеперебування…
nearby-refused = Геолокацію вимкнено або не дозволено для цього застосунку. Натомість виберіть, де ви є:
nearby-no-fix = Місцеперебування не визначено. Натомість виберіть, де ви є:
nearby-unavailable = Цей пристрій не може визначити своє місцеперебування. Виберіть, де ви є:
nearby-choose = Виберіть, де ви є
nearby-use-device = Використати моє місцеперебування
nearby-try-again = Спробувати ще раз
nearby-districts = Райони
nearby-landmarks = Орієнтири
nearby-map-hint = Або торкніться карти там, де ви є.
nearby-privacy = Ваше місцеперебування залишається на цьому пристрої і забувається, коли ви закриваєте застосунок.
nearby-outside = Ви поза містами, які охоплює цей довідник. Найближче місто — { $city }, до нього { $distance }.
nearby-filter-category = Тема
nearby-filter-all = Усі теми
nearby-filter-open = Відчинено зараз
nearby-none = Немає відповідних місць. Виберіть усі теми або вимкніть «Відчинено зараз».
nearby-map-label = Карта місць поруч із вами. Кола показують відстань.
nearby-you = Ви
walk-minutes = { $n ->
    [one] { $n } хвилина пішки
    [few] { $n } хвилини пішки
    [many] { $n } хвилин пішки
   *[other] { $n } хвилини пішки
}
walk-hours = { $h } год { $m } хв пішки
compass-n = на північ
compass-ne = на північний схід
compass-e = на схід
compass-se = на південний схід
compass-s = на південь
compass-sw = на південний захід
compass-w = на захід
compass-nw = на північний захід
hours-always = Відчинено цілодобово
hours-open-until = Відчинено зараз · зачиняється о { $time }
hours-opens-at = Зачинено · відчиняється { $day } о { $time }
hours-closed = Зачинено
hours-unknown = Години роботи точно не відомі: запитайте, перш ніж іти
hours-unreadable = Години роботи, як написано: { $raw }
day-today = сьогодні
day-tomorrow = завтра
weekday-1 = у понеділок
weekday-2 = у вівторок
weekday-3 = у середу
weekday-4 = у четвер
weekday-5 = у п’ятницю
weekday-6 = у суботу
weekday-7 = у неділю
translation-unreviewed = Цей переклад ще не перевірив носій мови.
listen = Слухати
listen-stop = Зупинити читання
nav-home = Merhaba: головний екран
nav-topics = Теми
date = { $day } { $month } { $year }
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня

# Sources, freshness, moved places, helplines and reporting a problem (issue 15)
helpline = Гаряча лінія { $number }
helplines-title = Національні гарячі лінії
source-line = Джерело: { $title }, прочитано { $date }
source-line-undated = Джерело: { $title }
drafted-on = Написано { $date }; ще не перевірено
out-of-date = Остання перевірка { $date }: відомості могли застаріти. Перевірте їх, перш ніж діяти.
place-closed = Зачинено з { $date }: служба тут більше не працює.
place-moved = Переїхало: служба тепер за адресою { $place }.
report-problem = Повідомити про помилку
report-problem-note = Відкриється повідомлення редакторам довідника з назвою цього запису, версією довідника та мовою. Нічого не надсилається, доки ви самі не надішлете.
report-form-ask = Відкриється { $host } у браузері. Адреса сторінки передасть редакторам: місто ({ $city }), цей запис ({ $entry }), версію довідника ({ $version }) і вашу мову ({ $lang }). Їх побачать цей сайт та історія вашого браузера.
report-form-open = Відкрити форму
report-form-cancel = Скасувати

# The intake desk: two languages side by side, first-steps paths and the slip (issue 16)
intake-title = Прийом клієнтів
intake-hint = Кожну сторінку показано одразу двома мовами: вашою і мовою клієнта. Про клієнта нічого не зберігається: ні ім’я, ні номер справи, ні список того, що ви переглядали.
intake-start = Увімкнути режим прийому
intake-on = Режим прийому
intake-client = Мова клієнта
intake-large-text = Великий текст
intake-next = Наступний клієнт
intake-leave = Вийти з режиму прийому
intake-cleared = Очищено: можна приймати наступного клієнта.
intake-leave-ask = Вийти з режиму прийому? Усе про цей візит буде видалено.
intake-stay = Залишитися
intake-add = Додати до пам’ятки
intake-added = У пам’ятці
intake-open-slip = { $count ->
    [one] Пам’ятка: { $count } послуга
    [few] Пам’ятка: { $count } послуги
    [many] Пам’ятка: { $count } послуг
   *[other] Пам’ятка: { $count } послуги
}
paths-title = Перші кроки
paths-intro = Списки справ для поширених ситуацій, крок за кроком.
path-steps = { $count ->
    [one] { $count } крок
    [few] { $count } кроки
    [many] { $count } кроків
   *[other] { $count } кроку
}
path-bring = Взяти з собою
path-done = Зроблено
path-ticks-local = Ваші позначки залишаються на цьому пристрої і нікуди не надсилаються.
path-ticks-intake = У режимі прийому позначки не зберігаються: вони стираються для наступного клієнта.
path-slip = Зробити пам’ятку з цих кроків
slip-compose-title = Пам’ятка з собою
slip-compose-hint = Одна сторінка мовою клієнта, поруч — мовою міста: куди йти, що взяти з собою, години роботи, телефон і код для сканування.
slip-empty = Послуги ще не вибрано: відкрийте послугу й натисніть «Додати до пам’ятки».
slip-too-many = На одну сторінку вміщується не більше { $count } послуг: приберіть зайві.
slip-remove = Прибрати
slip-preview = Попередній перегляд пам’ятки
slip-save-pdf = Зберегти як PDF
slip-save-png = Зберегти як зображення
slip-share = Поділитися
slip-open = Відкрити для друку
slip-saved = Збережено: { $file }
slip-failed = Не вдалося створити пам’ятку.
slip-title = Куди звернутися в місті { $city }
slip-bring = Взяти з собою
slip-phone = Телефон
slip-sample = Запис-зразок, ще не перевірений редактором: перевірте, перш ніж іти.
slip-as-of = Довідник міста Merhaba, відомості станом на { $date }
slip-scan-map = Скануйте, щоб побачити місце на карті
slip-scan-web = Скануйте, щоб відкрити офіційну сторінку
courses-title = Курси
courses-intro = Навчання для консультантів, працівників установ і тренерів, які допомагають новоприбулим. Працює без інтернету, а ваш прогрес залишається на цьому пристрої.
course-length = { $lessons ->
    [one] { $lessons } урок
    [few] { $lessons } уроки
    [many] { $lessons } уроків
   *[other] { $lessons } уроку
}, { $questions ->
    [one] { $questions } запитання
    [few] { $questions } запитання
    [many] { $questions } запитань
   *[other] { $questions } запитання
} · близько { $minutes } хв
course-progress = Пройдено уроків: { $done } з { $lessons }
course-progress-local = Ваш прогрес залишається на цьому пристрої і нікуди не надсилається.
course-start = Почати курс
course-continue = Продовжити
course-lessons = Уроки
course-sources = Джерела
course-certificate = Курс пройдено: ваш сертифікат
course-not-complete = Цей курс ще не пройдено: деякі уроки ще попереду.
lesson-minutes = близько { $minutes } хв
lesson-new = Не розпочато
lesson-started = Розпочато
lesson-done = Пройдено: { $right } з { $of } правильно з першої спроби, { $date }
lesson-changed = Запитання змінилися відтоді, як ви пройшли урок { $date } ({ $right } з { $of }): дайте відповіді знову
lesson-where = Де ви зараз у цьому уроці
lesson-card = Картка { $n } з { $count }
lesson-question = Запитання { $n } з { $count }
lesson-back = Назад
lesson-next = Далі
lesson-to-questions = До запитань
lesson-pick-one = Виберіть одну відповідь.
lesson-pick-all = Виберіть усі правильні відповіді.
lesson-true = Правда
lesson-false = Неправда
lesson-check = Перевірити
lesson-right = Правильно!
lesson-wrong = Не зовсім.
lesson-try-again = Спробувати ще раз
lesson-read-guide = У довіднику:
lesson-score-so-far = Поки що: { $right } з { $of } правильно з першої спроби
lesson-see-score = Переглянути результат
lesson-end = Урок завершено
lesson-retake = Відповісти на запитання знову
lesson-next-lesson = Наступний урок
lesson-back-to-course = Назад до курсу
certificate-heading = Сертифікат про проходження курсу
certificate-completed = Курс пройдено { $date }
certificate-score = Результат: правильних відповідей з першої спроби — { $right } з { $of }
certificate-footer = Довідник міста Merhaba, { $city }.
certificate-sample = Курс-зразок: ще не перевірений редактором.
certificate-name = Ім’я в сертифікаті (необов’язково; не зберігається)
xapi-title = Файл прогресу для тренера
xapi-intro = Зберігає ваші результати у файл xAPI для тренера, який користується Moodle або сховищем навчальних записів. Застосунок нічого не надсилає: ви самі вирішуєте, кому передати файл.
xapi-who = Ваше ім’я або e-mail для тренера (необов’язково; не зберігається)
xapi-save = Зберегти файл прогресу
quick-exit = Швидкий вихід
neutral-continue = Продовжити
