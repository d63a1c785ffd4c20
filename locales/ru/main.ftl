# Merhaba UI strings: Russian. Machine-assisted translation, not yet reviewed by a native speaker.
app-name = Merhaba
nav-back = Назад
nav-settings = Настройки
emergency-title = Экстренная помощь
emergency-all = Все экстренные номера
emergency-intro = Звонки на эти номера бесплатные.
home-intro = С чем вам нужна помощь?
service-count = { $count ->
    [one] { $count } услуга
    [few] { $count } услуги
    [many] { $count } услуг
   *[other] { $count } услуги
}
category-choose = Выберите тему
submenu-services = Услуги
section-rights = Права и обязанности
section-cost = Стоимость
section-location = Где это
section-internet = Ресурсы в интернете
place-hours = Часы работы
place-address = Адрес
place-directions = Как добраться
place-web-map = Карта в браузере
place-call = Позвонить { $number }
no-places = Ходить никуда не нужно: эта услуга доступна через интернет или по телефону.
no-links = Ресурсов в интернете нет.
sources-title = Откуда эти сведения
checked-on = Последняя проверка: { $date }
sample-badge = Образец
sample-notice = Это образец записи. Ее сведения еще не сверены с официальным источником: проверьте их, прежде чем действовать.
fallback-notice = Часть этой страницы показана на другом языке ({ $lang }), потому что еще не переведена.
also-in = Также в разделах
settings-language = Язык
settings-content = Справочник по городу
settings-content-version = { $city }: версия содержания { $version }, от { $date }
settings-privacy = Приложение загружает только обновления справочника и ничего не отправляет о вас. Ваши настройки остаются на этом устройстве.
settings-updates-check = Проверить обновления
settings-updates-unmetered = Только через Wi-Fi или другое безлимитное подключение
settings-updates-none = В этой сборке приложения нет адреса для обновлений; справочник остается таким, каким был установлен.
settings-updates-waiting = Ожидание Wi-Fi или другого безлимитного подключения.
settings-updates-checking = Проверка обновлений…
settings-updates-progress = Загрузка: { $done } из { $total } КБ
settings-updates-current = У вас последняя версия справочника.
settings-updates-installed = Справочник обновлен до версии { $version }.
settings-updates-unreachable = Не удалось связаться с сервером обновлений. Справочник работает без интернета, как и раньше.
settings-updates-not-confirmed = Содержание от { $date }; не удалось проверить, актуально ли оно.
settings-updates-refused = Обновление отклонено, потому что его не удалось проверить. Справочник не изменился.
settings-updates-failed = Не удалось установить обновление. Справочник не изменился.
not-found = Такой страницы нет.
go-home = На главный экран
error-store = Не удалось прочитать справочник по городу.
error-store-hint = Закройте приложение и откройте его снова. Если это повторяется, покажите этот экран человеку, который может вам помочь.
error-details = Подробности для того, кто вам помогает:
error-save = Не удалось сохранить ваш выбор на этом устройстве.
search-placeholder = Поиск: услуга, учреждение, что вам нужно
search-start = Введите хотя бы две буквы на любом из языков справочника.
search-found-in = Найдено по тексту на языке: { $lang }
search-empty = По запросу «{ $query }» ничего не найдено.
search-empty-hint = Проверьте написание, попробуйте другое слово или выберите тему:
distance-m = { $n } м
distance-km = { $n } км
nav-nearby = Рядом
nearby-title = Рядом с вами
nearby-home-card = Что рядом со мной и открыто сейчас?
nearby-position-device = Ваше местоположение (с этого устройства)
nearby-position-fixed = Ваше местоположение (задано при запуске приложения)
nearby-position-picked = Вы выбрали: { $place }
nearby-position-map = Вы выбрали точку на карте
nearby-locating = Определяем ваше местоположение…
nearby-refused = Геолокация выключена или не разрешена для этого приложения. Выберите, где вы находитесь:
nearby-no-fix = Местоположение не получено. Выберите, где вы находитесь:
nearby-unavailable = Это устройство не может определить свое местоположение. Выберите, где вы находитесь:
nearby-choose = Выберите, где вы находитесь
nearby-use-device = Использовать мое местоположение
nearby-try-again = Попробовать снова
nearby-districts = Районы
nearby-landmarks = Известные места
nearby-map-hint = Или нажмите на карте, где вы находитесь.
nearby-privacy = Ваше местоположение остается на этом устройстве и забывается, когда вы закрываете приложение.
nearby-outside = Вы находитесь за пределами городов этого справочника. Ближайший город: { $city }, в { $distance } от вас.
nearby-filter-category = Тема
nearby-filter-all = Все темы
nearby-filter-open = Открыто сейчас
nearby-none = Ничего не найдено. Выберите все темы или отключите «Открыто сейчас».
nearby-map-label = Карта мест рядом с вами. Круги показывают расстояние.
nearby-you = Вы
walk-minutes = { $n ->
    [one] { $n } минута пешком
    [few] { $n } минуты пешком
    [many] { $n } минут пешком
   *[other] { $n } минуты пешком
}
walk-hours = { $h } ч { $m } мин пешком
compass-n = север
compass-ne = северо-восток
compass-e = восток
compass-se = юго-восток
compass-s = юг
compass-sw = юго-запад
compass-w = запад
compass-nw = северо-запад
hours-always = Открыто круглосуточно
hours-open-until = Открыто сейчас · закроется в { $time }
hours-opens-at = Закрыто · откроется { $day } в { $time }
hours-closed = Закрыто
hours-unknown = Часы работы не точны: уточните, прежде чем идти
hours-unreadable = Часы работы, как указано: { $raw }
day-today = сегодня
day-tomorrow = завтра
weekday-1 = в понедельник
weekday-2 = во вторник
weekday-3 = в среду
weekday-4 = в четверг
weekday-5 = в пятницу
weekday-6 = в субботу
weekday-7 = в воскресенье
translation-unreviewed = Этот перевод еще не проверен носителем языка.
listen = Слушать
listen-stop = Остановить чтение
nav-home = Merhaba: главный экран
nav-topics = Темы
date = { $day } { $month } { $year }
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

# Sources, freshness, moved places, helplines and reporting a problem (issue 15)
helpline = Горячая линия { $number }
helplines-title = Национальные горячие линии
source-line = Источник: { $title }, прочитано { $date }
source-line-undated = Источник: { $title }
drafted-on = Написано { $date }; еще не проверено
out-of-date = Последняя проверка { $date }: сведения могли устареть. Уточните их, прежде чем действовать.
place-closed = Закрыто с { $date }: служба здесь больше не работает.
place-moved = Переехало: служба теперь находится по адресу { $place }.
report-problem = Сообщить об ошибке
report-problem-note = Откроется сообщение редакторам справочника с названием этой записи, версией справочника и языком. Ничего не отправляется, пока вы сами не отправите.
report-form-ask = Откроется { $host } в браузере. Адрес страницы передаст редакторам: город ({ $city }), эту запись ({ $entry }), версию справочника ({ $version }) и ваш язык ({ $lang }). Их увидят этот сайт и история вашего браузера.
report-form-open = Открыть форму
report-form-cancel = Отмена

# The intake desk: two languages side by side, first-steps paths and the slip (issue 16)
intake-title = Прием клиентов
intake-hint = Каждая страница показана сразу на двух языках: на вашем и на языке клиента. О клиенте ничего не сохраняется: ни имя, ни номер дела, ни список того, что вы смотрели.
intake-start = Включить режим приема
intake-on = Режим приема
intake-client = Язык клиента
intake-large-text = Крупный текст
intake-next = Следующий клиент
intake-leave = Выйти из режима приема
intake-cleared = Очищено: можно принимать следующего клиента.
intake-leave-ask = Выйти из режима приема? Всё об этом визите будет удалено.
intake-stay = Остаться
intake-add = Добавить в памятку
intake-added = В памятке
intake-open-slip = { $count ->
    [one] Памятка: { $count } услуга
    [few] Памятка: { $count } услуги
    [many] Памятка: { $count } услуг
   *[other] Памятка: { $count } услуги
}
paths-title = Первые шаги
paths-intro = Списки дел для частых ситуаций, шаг за шагом.
path-steps = { $count ->
    [one] { $count } шаг
    [few] { $count } шага
    [many] { $count } шагов
   *[other] { $count } шага
}
path-bring = Взять с собой
path-done = Сделано
path-ticks-local = Ваши отметки остаются на этом устройстве и никуда не отправляются.
path-ticks-intake = В режиме приема отметки не сохраняются: они стираются для следующего клиента.
path-slip = Сделать памятку по этим шагам
slip-compose-title = Памятка с собой
slip-compose-hint = Одна страница на языке клиента, рядом — на языке города: куда идти, что взять с собой, часы работы, телефон и код для сканирования.
slip-empty = Услуги еще не выбраны: откройте услугу и нажмите «Добавить в памятку».
slip-too-many = На одну страницу помещается не больше { $count } услуг: уберите лишние.
slip-remove = Убрать
slip-preview = Предпросмотр памятки
slip-save-pdf = Сохранить как PDF
slip-save-png = Сохранить как изображение
slip-share = Поделиться
slip-open = Открыть для печати
slip-saved = Сохранено: { $file }
slip-failed = Не удалось сделать памятку.
slip-title = Куда обратиться в городе { $city }
slip-bring = Взять с собой
slip-phone = Телефон
slip-sample = Образец записи, еще не проверен редактором: уточните, прежде чем идти.
slip-as-of = Справочник по городу Merhaba, сведения на { $date }
slip-scan-map = Отсканируйте, чтобы увидеть место на карте
slip-scan-web = Отсканируйте, чтобы открыть официальный сайт
courses-title = Курсы
courses-intro = Обучение для консультантов, сотрудников учреждений и тренеров, которые помогают новоприбывшим. Работает без интернета, а ваш прогресс остается на этом устройстве.
course-length = { $lessons ->
    [one] { $lessons } урок
    [few] { $lessons } урока
    [many] { $lessons } уроков
   *[other] { $lessons } урока
}, { $questions ->
    [one] { $questions } вопрос
    [few] { $questions } вопроса
    [many] { $questions } вопросов
   *[other] { $questions } вопроса
} · около { $minutes } мин
course-progress = Пройдено уроков: { $done } из { $lessons }
course-progress-local = Ваш прогресс остается на этом устройстве и никуда не отправляется.
course-start = Начать курс
course-continue = Продолжить
course-lessons = Уроки
course-sources = Источники
course-certificate = Курс пройден: ваш сертификат
course-not-complete = Этот курс еще не пройден: остались непройденные уроки.
lesson-minutes = около { $minutes } мин
lesson-new = Не начат
lesson-started = Начат
lesson-done = Пройден: { $right } из { $of } верно с первой попытки, { $date }
lesson-changed = Вопросы изменились после того, как вы прошли урок { $date } ({ $right } из { $of }): ответьте на них снова
lesson-where = Где вы сейчас в этом уроке
lesson-card = Карточка { $n } из { $count }
lesson-question = Вопрос { $n } из { $count }
lesson-back = Назад
lesson-next = Далее
lesson-to-questions = К вопросам
lesson-pick-one = Выберите один ответ.
lesson-pick-all = Выберите все верные ответы.
lesson-true = Верно
lesson-false = Неверно
lesson-check = Проверить
lesson-right = Правильно!
lesson-wrong = Не совсем.
lesson-try-again = Попробовать снова
lesson-read-guide = В справочнике:
lesson-score-so-far = Пока что: { $right } из { $of } верно с первой попытки
lesson-see-score = Посмотреть результат
lesson-end = Урок окончен
lesson-retake = Ответить на вопросы заново
lesson-next-lesson = Следующий урок
lesson-back-to-course = Назад к курсу
certificate-heading = Сертификат о прохождении курса
certificate-completed = Курс пройден { $date }
certificate-score = Результат: верных ответов с первой попытки — { $right } из { $of }
certificate-footer = Справочник по городу Merhaba, { $city }.
certificate-sample = Курс-образец: еще не проверен редактором.
certificate-name = Имя в сертификате (необязательно; не сохраняется)
xapi-title = Файл прогресса для тренера
xapi-intro = Сохраняет ваши результаты в файл xAPI для тренера, который работает с Moodle или с хранилищем учебных записей. Приложение ничего не отправляет: вы сами решаете, кому передать файл.
xapi-who = Ваше имя или e-mail для тренера (необязательно; не сохраняется)
xapi-save = Сохранить файл прогресса
quick-exit = Быстрый выход
neutral-continue = Продолжить
