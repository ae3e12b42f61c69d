export { type AddCalendarYearOptions, type AddCalendarYearResult, addCalendarYear, type CalendarWriteFs } from './add-year.js';
export { type Calendar, createCalendar, type DayInfo, type DayKind } from './calendar.js';
export {
  addDays,
  addMonths,
  daysBetween,
  formatChineseDate,
  formatChineseDateWithWeekday,
  fromDayNumber,
  type IsoDate,
  type IsoWeekday,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
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
