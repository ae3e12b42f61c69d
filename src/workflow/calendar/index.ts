export { addCalendarYear, type AddCalendarYearOptions, type AddCalendarYearResult, type CalendarWriteFs } from './add-year.js';
export { type Calendar, createCalendar, type DayInfo, type DayKind } from './calendar.js';
export {
  addDays,
  addMonths,
  daysBetween,
  formatChineseDate,
  formatChineseDateWithWeekday,
  type IsoDate,
  type IsoWeekday,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
  fromDayNumber,
  WEEKDAY_NAMES,
  weekdayOf,
  yearOf,
} from './civil-date.js';
export { CalendarError, type CalendarErrorCode, isCalendarError } from './errors.js';
export { type CalendarFs, type CalendarYearFiles, findCalendarDir, loadCalendar, readCalendarYears, readYearFile } from './load.js';
export { type NoticeTextReading, readNoticeText } from './notice-text.js';
export {
  CalendarYear,
  type CalendarYearCheck,
  checkCalendarYear,
  HolidayEntry,
  IsoDateString,
  NoticeSource,
  parseCalendarYear,
} from './schema.js';
